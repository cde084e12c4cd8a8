import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { ImageHealthcheck } from "../../rules/image/model";
import {
  HealthObservation,
  ObservedProcess,
  ReadOnlyRun,
  RuntimeObservations,
  WriteAttempt,
} from "../../rules/image/runtime/observations";
import { docker, dockerOk } from "./docker-cli";
import { probeBinary } from "./probe-binary";

/** Where the probe is bind-mounted in the container. */
const PROBE_MOUNT = "/.hardened-probe";

/** Exit codes of `docker run` itself failing (not the container's command). */
const DOCKER_FAILURE = 125;

/** Seconds the image's entrypoint is watched when the image has no HEALTHCHECK. */
const SETTLE_SECONDS = 2;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function probeArgs(probe: string, image: string, readOnly: boolean, extra: string[]): string[] {
  return [
    "run",
    "--rm",
    "--network",
    "none",
    ...(readOnly ? ["--read-only"] : []),
    "-v",
    `${probe}:${PROBE_MOUNT}:ro`,
    "--entrypoint",
    PROBE_MOUNT,
    image,
    ...extra,
  ];
}

async function writeAttempt(
  probe: string,
  image: string,
  readOnly: boolean,
): Promise<WriteAttempt> {
  const result = await docker(probeArgs(probe, image, readOnly, []));
  return result.code >= DOCKER_FAILURE
    ? { errno: -1, detail: result.stderr.trim() }
    : { errno: result.code };
}

async function probeUid(probe: string, image: string): Promise<number | null> {
  const result = await docker(probeArgs(probe, image, true, ["uid"]));
  return result.code >= DOCKER_FAILURE ? null : result.code;
}

function parseTop(output: string): ObservedProcess[] {
  return output
    .trim()
    .split("\n")
    .slice(1)
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ uid: Number(m[2]), command: m[3].trim() }));
}

interface State {
  readonly Running: boolean;
  readonly ExitCode: number;
  readonly Health?: { Status: string; Log?: { Output: string }[] };
}

async function stateOf(container: string): Promise<State> {
  return JSON.parse(await dockerOk(["inspect", "--format", "{{json .State}}", container])) as State;
}

/** Seconds Docker may take to call the container healthy: start period, then retries probes. */
function healthDeadline(h: ImageHealthcheck): number {
  return h.startPeriodSeconds + h.intervalSeconds * (h.retries + 1) + 5;
}

async function watch(
  container: string,
  healthcheck: ImageHealthcheck | undefined,
): Promise<{ state: State; health?: HealthObservation }> {
  const started = Date.now();
  const limit = healthcheck === undefined ? SETTLE_SECONDS : healthDeadline(healthcheck);
  for (;;) {
    const state = await stateOf(container);
    const waitedSeconds = Math.round((Date.now() - started) / 100) / 10;
    const status = state.Health?.Status;
    const settled =
      !state.Running || status === "healthy" || status === "unhealthy" || waitedSeconds >= limit;
    if (settled) {
      if (healthcheck === undefined) {
        return { state };
      }
      const log = state.Health?.Log ?? [];
      const lastOutput = log.length > 0 ? log[log.length - 1].Output.trim().slice(0, 200) : "";
      return {
        state,
        health: {
          status: state.Running
            ? ((status ?? "starting") as HealthObservation["status"])
            : "exited",
          waitedSeconds,
          ...(lastOutput ? { lastOutput } : {}),
        },
      };
    }
    await sleep(500);
  }
}

async function readOnlyRun(
  image: string,
  healthcheck: ImageHealthcheck | undefined,
): Promise<{ run: ReadOnlyRun; health?: HealthObservation }> {
  const started = await docker([
    "run",
    "-d",
    "--network",
    "none",
    "--read-only",
    "--tmpfs",
    "/tmp",
    image,
  ]);
  const container = started.stdout.trim();
  if (started.code !== 0) {
    return {
      run: { running: false, exitCode: started.code, logTail: started.stderr.trim().slice(0, 300) },
      ...(healthcheck !== undefined ? { health: { status: "exited", waitedSeconds: 0 } } : {}),
    };
  }
  try {
    const { state, health } = await watch(container, healthcheck);
    if (state.Running) {
      const top = await docker(["top", container, "-eo", "pid,uid,args"]);
      return {
        run: { running: true, ...(top.code === 0 ? { processes: parseTop(top.stdout) } : {}) },
        health,
      };
    }
    const logs = await docker(["logs", "--tail", "5", container]);
    const logTail = `${logs.stdout}${logs.stderr}`.trim().split("\n").join(" | ").slice(0, 300);
    return {
      run: { running: false, exitCode: state.ExitCode, ...(logTail ? { logTail } : {}) },
      health,
    };
  } finally {
    await docker(["rm", "-f", container]);
  }
}

/**
 * Runs `image` (already present in the engine) in a real Docker engine and records what the
 * runtime rules need: its own entrypoint under `--read-only --tmpfs /tmp --network none`
 * (processes via `docker top`, health via `docker inspect`), a static probe bind-mounted into
 * it (uid, and a write to `/` with and without `--read-only`), and `/bin/sh` as entrypoint.
 */
export async function observeImage(
  image: string,
  healthcheck: ImageHealthcheck | undefined,
): Promise<RuntimeObservations> {
  const dir = mkdtempSync(join(tmpdir(), "hardened-probe-"));
  const probe = join(dir, "probe");
  writeFileSync(probe, probeBinary());
  chmodSync(probe, 0o755);
  try {
    const { run, health } = await readOnlyRun(image, healthcheck);
    const shell = await docker([
      "run",
      "--rm",
      "--network",
      "none",
      "--entrypoint",
      "/bin/sh",
      image,
      "-c",
      "exit 0",
    ]);
    return {
      readOnlyRun: run,
      probeUid: await probeUid(probe, image),
      writeWithoutReadOnly: await writeAttempt(probe, image, false),
      writeWithReadOnly: await writeAttempt(probe, image, true),
      shell: { exitCode: shell.code, stderr: shell.stderr.trim() },
      ...(health !== undefined ? { health } : {}),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
