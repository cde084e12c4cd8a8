import { HardenedImageArgsError } from "../errors";
import { ImageRunMode } from "../run-mode";
import { BuilderChoice, chooseBuilder } from "./builder-choice";
import { DockerProbe, DockerProbeError, probeDocker } from "./docker-probe";

/** The builder HardenedImage uses, and what to tell the user about it. */
export interface ResolvedBuilder extends BuilderChoice {
  /** A line to log: the fallback to the classic builder, or a probe that failed in a preview. */
  readonly notice?: string;
}

/**
 * The builder for a HardenedImage: `builderVersion` when it is `BuilderV1`; otherwise BuildKit
 * when the Docker CLI `dockerCli` and its engine can build with it (asked with `docker version`
 * and `docker buildx version`), the classic builder with a notice when they cannot. Offline, the
 * engine is not asked and BuildKit is assumed. During a preview, a CLI that reaches no engine
 * leaves BuildKit assumed, with a notice.
 * @throws HardenedImageArgsError naming `args.builderVersion` when BuildKit was asked for and
 *   cannot be used, or `args.dockerCli` when the CLI reaches no engine outside a preview
 */
export function resolveBuilder(
  owner: string,
  requested: "BuilderV1" | "BuilderBuildKit" | undefined,
  dockerCli: string,
  mode: ImageRunMode,
  probe: (cli: string) => DockerProbe = probeDocker,
): ResolvedBuilder {
  if (requested === "BuilderV1" || mode.offline) {
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
