import { spawnSync } from "child_process";

/** What a timed process printed, returned, and cost. */
export interface TimedRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Wall-clock milliseconds, process start to exit. */
  readonly wallMs: number;
  /** User plus system CPU milliseconds of the process and its children. */
  readonly cpuMs: number;
}

/** `0m1.250s` as milliseconds. */
function bashTime(text: string): number {
  const match = /^(\d+)m([\d.]+)s$/.exec(text.trim());
  return match === null ? NaN : (Number(match[1]) * 60 + Number(match[2])) * 1000;
}

/**
 * Runs `command args…` as a whole process, as a user would from a shell, and measures wall time and
 * the CPU time of everything it started (bash's `times`, written to a descriptor of its own).
 */
export function timedProcess(
  command: string,
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): TimedRun {
  const start = process.hrtime.bigint();
  const result = spawnSync(
    "bash",
    ["-c", '"$@"; rc=$?; times >&3; exit $rc', "timed", command, ...args],
    {
      cwd: options.cwd,
      env: options.env ?? process.env,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe", "pipe"],
      maxBuffer: 1 << 30,
      timeout: options.timeoutMs,
    },
  );
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  // `times` prints the shell's own user/system times, then its children's.
  const children = ((result.output[3] as string | null) ?? "").split("\n")[1] ?? "";
  const [user, system] = children.trim().split(/\s+/);
  return {
    code: result.error !== undefined ? null : result.status,
    stdout: result.stdout ?? "",
    stderr:
      result.error !== undefined
        ? `${result.error.message}\n${result.stderr ?? ""}`
        : (result.stderr ?? ""),
    wallMs,
    cpuMs: bashTime(user ?? "") + bashTime(system ?? ""),
  };
}
