import { spawn } from "child_process";

/** What one docker CLI run printed and returned. */
export interface DockerResult {
  /** Exit code (125 and above: docker itself failed, not the container). */
  readonly code: number;
  /** Standard output. */
  readonly stdout: string;
  /** Standard error. */
  readonly stderr: string;
}

/** The Docker engine could not be used for runtime verification. */
export class DockerUnavailableError extends Error {
  constructor(detail: string) {
    super(
      `runtime verification needs a Docker engine the docker CLI can reach (docker info failed: ${detail}); start one or set DOCKER_HOST, or drop --runtime`,
    );
    this.name = "DockerUnavailableError";
  }
}

/** A docker CLI command failed where it must not. */
export class DockerCommandError extends Error {
  constructor(args: readonly string[], result: DockerResult) {
    super(
      `docker ${args.join(" ")} exited with ${result.code}: ${result.stderr.trim() || result.stdout.trim()}`,
    );
    this.name = "DockerCommandError";
  }
}

/** Runs `docker <args>`; never rejects on a non-zero exit, only returns it. */
export function docker(args: readonly string[], timeoutMs = 120_000): Promise<DockerResult> {
  return new Promise((resolve) => {
    const child = spawn("docker", args, { stdio: ["ignore", "pipe", "pipe"], timeout: timeoutMs });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (c: Buffer) => out.push(c));
    child.stderr.on("data", (c: Buffer) => err.push(c));
    child.on("error", (e) => resolve({ code: 127, stdout: "", stderr: e.message }));
    child.on("close", (code) =>
      resolve({
        code: code ?? 128,
        stdout: Buffer.concat(out).toString("utf8"),
        stderr: Buffer.concat(err).toString("utf8"),
      }),
    );
  });
}

/** Runs `docker <args>` and returns its output; rejects with `DockerCommandError` on failure. */
export async function dockerOk(args: readonly string[], timeoutMs?: number): Promise<string> {
  const result = await docker(args, timeoutMs);
  if (result.code !== 0) {
    throw new DockerCommandError(args, result);
  }
  return result.stdout;
}

/** Rejects with `DockerUnavailableError` unless `docker info` reaches an engine. */
export async function requireDockerEngine(): Promise<void> {
  const result = await docker(["info", "--format", "{{.ServerVersion}}"], 20_000);
  if (result.code !== 0) {
    throw new DockerUnavailableError(result.stderr.trim() || `exit code ${result.code}`);
  }
}
