import { HardenedImageArgsError } from "../errors";
import { BuilderChoice, chooseBuilder } from "./builder-choice";
import { DockerProbe, DockerProbeError, probeDocker } from "./docker-probe";

/** The builder HardenedImage uses, and what to tell the user about it. */
export interface ResolvedBuilder extends BuilderChoice {
  /** A line to log: the fallback to the classic builder, or a probe that failed in a preview. */
  readonly notice?: string;
}

/** When {@link resolveBuilder} may ask the Docker engine, and what a failure to ask means. */
export interface BuilderProbeMode {
  /** Ask the engine: false offline and under mocks, where nothing is built. */
  readonly askEngine: boolean;
  /** A preview, where an engine that cannot be asked is not an error. */
  readonly preview: boolean;
}

/**
 * The builder for a HardenedImage: `builderVersion` when it is `BuilderV1`; otherwise BuildKit
 * when the Docker CLI `dockerCli` and its engine can build with it (asked with `docker version`
 * and `docker buildx version`), the classic builder with a notice when they cannot. When the
 * engine is not to be asked, BuildKit is assumed. During a preview, a CLI that reaches no engine
 * leaves BuildKit assumed, with a notice.
 * @throws HardenedImageArgsError naming `args.builderVersion` when BuildKit was asked for and
 *   cannot be used, or `args.dockerCli` when the CLI reaches no engine outside a preview
 */
export function resolveBuilder(
  owner: string,
  requested: "BuilderV1" | "BuilderBuildKit" | undefined,
  dockerCli: string,
  mode: BuilderProbeMode,
  probe: (cli: string) => DockerProbe = probeDocker,
): ResolvedBuilder {
  if (requested === "BuilderV1" || !mode.askEngine) {
    return chooseBuilder(requested ?? "auto", undefined);
  }
  let probed: DockerProbe;
  try {
    probed = probe(dockerCli);
  } catch (error) {
    if (!(error instanceof DockerProbeError)) {
      throw error;
    }
    if (!mode.preview) {
      throw new HardenedImageArgsError(owner, "args.dockerCli", error.message);
    }
    return {
      builder: "buildkit",
      notice: `${error.message}; the preview assumes BuildKit, and the update needs a Docker engine`,
    };
  }
  const choice = chooseBuilder(requested ?? "auto", probed);
  if (choice.noBuildKit === undefined) {
    return choice;
  }
  if (requested === "BuilderBuildKit") {
    throw new HardenedImageArgsError(
      owner,
      "args.builderVersion",
      `"BuilderBuildKit" was asked for, but ${choice.noBuildKit}`,
    );
  }
  return {
    ...choice,
    notice: `building with the classic builder: ${choice.noBuildKit}; RUN --mount, heredocs and build secrets need BuildKit, and the presets build without cache mounts`,
  };
}
