import { spawn } from "child_process";
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
