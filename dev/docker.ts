import { spawnSync } from "child_process";
import { serviceUnavailable } from "./registry";

/** What a docker CLI run printed and returned. */
export interface DockerRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the docker CLI (classic builder: BuildKit is not available here). Never throws. */
export function runDocker(
  args: readonly string[],
  options: {
    readonly input?: string;
    readonly cwd?: string;
    readonly env?: NodeJS.ProcessEnv;
  } = {},
): DockerRun {
  const result = spawnSync("docker", args, {
    input: options.input ?? "",
    cwd: options.cwd,
    encoding: "utf8",
    timeout: 300_000,
    env: { ...process.env, DOCKER_BUILDKIT: "0", ...options.env },
  });
  return {
    code: result.status,
    stdout: result.stdout ?? "",
    stderr: result.stderr ?? String(result.error ?? ""),
  };
}

/** Runs the docker CLI and returns its standard output; throws with its stderr when it fails. */
export function docker(
  args: readonly string[],
  options: {
    readonly input?: string;
    readonly cwd?: string;
    readonly env?: NodeJS.ProcessEnv;
  } = {},
): string {
  const run = runDocker(args, options);
  if (run.code !== 0) {
    throw new Error(`docker ${args.join(" ")} exited with ${run.code}: ${run.stderr.trim()}`);
  }
  return run.stdout;
}

/** Docker CLIs that may build with the engine's own BuildKit: the Debian docker.io one first. */
const BUILDKIT_CANDIDATE_CLIS = ["/usr/bin/docker", "docker"];

/**
 * A docker CLI that builds with BuildKit (`DOCKER_BUILDKIT=1`, no buildx) against this engine,
 * found by building a one-line Dockerfile with each candidate, or undefined when none does.
 */
export function buildKitDockerCli(): string | undefined {
  return BUILDKIT_CANDIDATE_CLIS.find(
    (cli) =>
      spawnSync(cli, ["build", "-q", "-"], {
        input: "FROM scratch\nLABEL probe=buildkit\n",
        env: { ...process.env, DOCKER_BUILDKIT: "1" },
        encoding: "utf8",
        timeout: 120_000,
      }).status === 0,
  );
}

/** True when the docker CLI reaches an engine. */
export function dockerReachable(): boolean {
  return runDocker(["info", "--format", "{{.ServerVersion}}"]).code === 0;
}

/** Skips (or, under CI, fails) the current suite unless a Docker engine is reachable. */
export function requireDocker(context: Mocha.Context): void {
  if (!dockerReachable()) {
    serviceUnavailable(context, "no Docker engine answers `docker info`");
  }
}

/**
 * Builds `dockerfile` (read from standard input, no context) with the classic builder, tags it
 * `image`, pushes it and removes the local tag; `env` can carry a `DOCKER_CONFIG` with
 * credentials. Returns the pushed digest as the registry reported it.
 */
export function buildAndPush(
  image: string,
  dockerfile: string,
  env: NodeJS.ProcessEnv = {},
): string {
  docker(["build", "-q", "-t", image, "-"], { input: dockerfile, env });
  const output = docker(["push", image], { env });
  docker(["rmi", image]);
  const digest = /digest: (sha256:[a-f0-9]{64})/.exec(output)?.[1];
  if (digest === undefined) {
    throw new Error(`docker push ${image} did not report a digest: ${output}`);
  }
  return digest;
}
