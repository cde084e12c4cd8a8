import { DockerProbe } from "./docker-probe";
import { DockerBuilder } from "./image-build-inputs";

/** The builder a HardenedImage asked for: `BuilderV1` (classic), `BuilderBuildKit`, or either. */
export type RequestedBuilder = "BuilderV1" | "BuilderBuildKit" | "auto";

/** The builder to use and, when BuildKit cannot be, why not. */
export interface BuilderChoice {
  /** The builder. */
  readonly builder: DockerBuilder;
  /** Why BuildKit is not available, when it is not. */
  readonly noBuildKit?: string;
}

function major(version: string): number {
  return Number(/^v?(\d+)/.exec(version)?.[1] ?? NaN);
}

function atLeast(version: string, [wantMajor, wantMinor]: readonly [number, number]): boolean {
  const match = /^v?(\d+)\.(\d+)/.exec(version);
  if (match === null) {
    return false;
  }
  const [have, haveMinor] = [Number(match[1]), Number(match[2])];
  return have > wantMajor || (have === wantMajor && haveMinor >= wantMinor);
}

/**
 * Why this CLI and engine cannot build with BuildKit, or undefined when they can: the engine
 * must run Linux and be 18.09 or later (its built-in BuildKit); a CLI from 23.0 on builds with
 * BuildKit only through the buildx plugin, an older one with `DOCKER_BUILDKIT=1` alone.
 */
export function whyNoBuildKit(probe: DockerProbe): string | undefined {
  if (probe.serverOs !== "linux") {
    return `the Docker engine runs ${probe.serverOs || "an unknown OS"}, and only a Linux engine builds with BuildKit here`;
  }
  if (!atLeast(probe.serverVersion, [18, 9])) {
    return `the Docker engine ${probe.serverVersion} predates BuildKit (18.09)`;
  }
  if (major(probe.clientVersion) >= 23 && !probe.buildx) {
    return `the docker CLI ${probe.clientVersion} builds with BuildKit only through the buildx plugin, which it does not have (docker buildx version fails)`;
  }
  return undefined;
}

/**
 * The builder for `requested`: the classic one for `BuilderV1`; BuildKit for `BuilderBuildKit`,
 * or for `auto` when the probe shows it works, the classic one otherwise (with the reason).
 * Without a probe (offline, or no engine reached during a preview), BuildKit is assumed unless
 * the classic builder was asked for.
 */
export function chooseBuilder(
  requested: RequestedBuilder,
  probe: DockerProbe | undefined,
): BuilderChoice {
  if (requested === "BuilderV1") {
    return { builder: "classic" };
  }
  const noBuildKit = probe === undefined ? undefined : whyNoBuildKit(probe);
  return noBuildKit === undefined ? { builder: "buildkit" } : { builder: "classic", noBuildKit };
}
