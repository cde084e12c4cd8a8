import { spawnSync } from "child_process";
import { join } from "path";

/** What a CLI run printed and returned. */
export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

const ROOT = join(__dirname, "..", "..");

/**
 * Runs `hardened <args>` from source as a real process, optionally feeding standard input, with
 * extra environment variables (`env`, e.g. a `PATH` that decides which renderers are found) and
 * as another user (`uid`/`gid`, to meet permissions that root ignores).
 */
export function runCli(
  args: readonly string[],
  options: {
    stdin?: string;
    cwd?: string;
    env?: Readonly<Record<string, string>>;
    uid?: number;
    gid?: number;
  } = {},
): CliRun {
  const result = spawnSync(
    process.execPath,
    ["-r", "ts-node/register/transpile-only", join(ROOT, "cli", "hardened.ts"), ...args],
    {
      cwd: options.cwd ?? ROOT,
      input: options.stdin ?? "",
      encoding: "utf8",
      env: { ...process.env, TS_NODE_PROJECT: join(ROOT, "tsconfig.json"), ...options.env },
      uid: options.uid,
      gid: options.gid,
    },
  );
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
