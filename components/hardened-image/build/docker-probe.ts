import { spawnSync } from "child_process";

/** What a Docker CLI and the engine it reaches say about themselves. */
export interface DockerProbe {
  /** The CLI's version, e.g. `20.10.24+dfsg1`. */
  readonly clientVersion: string;
  /** The engine's version. */
  readonly serverVersion: string;
  /** The engine's operating system, e.g. `linux`. */
  readonly serverOs: string;
  /** Whether `docker buildx version` works with this CLI. */
  readonly buildx: boolean;
}

/** A Docker CLI that cannot be run, or reaches no engine. */
export class DockerProbeError extends Error {
  constructor(cli: string, problem: string) {
    super(`cannot ask ${cli} about the Docker engine (${cli} version): ${problem}`);
    this.name = "DockerProbeError";
  }
}

/** The probes made in this process, by CLI: every HardenedImage of a program asks once. */
const probed = new Map<string, DockerProbe>();

function run(cli: string, args: readonly string[]) {
  return spawnSync(cli, args, { encoding: "utf8", timeout: 30_000 });
}

/**
 * Asks the Docker CLI `cli` for its own and its engine's version (`docker version`) and whether it
 * has the buildx plugin (`docker buildx version`), once per process and CLI: a failed probe is
 * asked again.
 * @throws DockerProbeError when the CLI cannot run or reaches no engine
 */
export function probeDocker(cli: string): DockerProbe {
  const known = probed.get(cli) ?? askDocker(cli);
  probed.set(cli, known);
  return known;
}

function askDocker(cli: string): DockerProbe {
  const version = run(cli, ["version", "--format", "{{json .}}"]);
  if (version.error !== undefined) {
    throw new DockerProbeError(cli, version.error.message);
  }
  let parsed: { Client?: { Version?: unknown }; Server?: { Version?: unknown; Os?: unknown } };
  try {
    parsed = JSON.parse(version.stdout) as typeof parsed;
  } catch {
    parsed = {};
  }
  const serverVersion = parsed.Server?.Version;
  if (version.status !== 0 || typeof serverVersion !== "string") {
    const said = version.stderr.trim().split("\n").slice(-1)[0] ?? "";
    throw new DockerProbeError(cli, said === "" ? `exit ${version.status}` : said);
  }
  return {
    clientVersion: String(parsed.Client?.Version ?? ""),
    serverVersion,
    serverOs: String(parsed.Server?.Os ?? ""),
    buildx: run(cli, ["buildx", "version"]).status === 0,
  };
}
