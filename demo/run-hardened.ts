import { execFile, spawn } from "child_process";
import { join } from "path";

/** The compiled `hardened` CLI that `npm ci` and `npm run build` produce. */
const CLI = join(__dirname, "..", "bin", "cli", "hardened.js");

/** Runs `hardened <args>` with its output shown to the user, and resolves to its exit code. */
export function runHardened(args: readonly string[]): Promise<number> {
  process.stdout.write(`$ hardened ${args.join(" ")}\n`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: "inherit" });
    child.on("error", reject);
    child.on("close", (code) => resolve(code ?? 1));
  });
}

/** Runs `hardened <args>` quietly and resolves to its exit code and output. */
export function captureHardened(
  args: readonly string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      { maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === "number" ? error.code : 1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
