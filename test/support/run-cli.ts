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
 * extra environment variables (`env`, e.g. a `PATH` that decides which renderers are found), and
 * under a wrapper command (`wrap`, e.g. `setpriv` to meet permissions that root ignores).
 */
export function runCli(
  args: readonly string[],
  options: {
    stdin?: string;
    cwd?: string;
    env?: Readonly<Record<string, string>>;
    wrap?: readonly string[];
  } = {},
): CliRun {
  const [program, ...wrapArgs] = [...(options.wrap ?? []), process.execPath];
  const result = spawnSync(
    program,
    [
      ...wrapArgs,
      "-r",
      require.resolve("ts-node/register/transpile-only"),
      join(ROOT, "cli", "hardened.ts"),
      ...args,
    ],
    {
      cwd: options.cwd ?? ROOT,
      input: options.stdin ?? "",
      encoding: "utf8",
      env: { ...process.env, TS_NODE_PROJECT: join(ROOT, "tsconfig.json"), ...options.env },
    },
  );
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
