import { ImageModel } from "../../rules/image/model";
import { ImageViolation } from "../../rules/image/evaluate";
import { evaluateRuntime } from "../../rules/image/runtime/evaluate";
import { ImageSource } from "../source";
import { DockerCommandError, dockerOk, requireDockerEngine } from "./docker-cli";
import { observeImage } from "./observe";

/** Runtime verification cannot run for this image. */
export class RuntimeUnsupportedError extends Error {
  constructor(source: string, why: string) {
    super(`${source}: runtime verification ${why}`);
    this.name = "RuntimeUnsupportedError";
  }
}

/** Makes the image present in the engine (pull, or load the archive) and returns its name there. */
async function engineImage(source: ImageSource): Promise<string> {
  if (source.kind === "registry") {
    await dockerOk(["pull", "--quiet", source.reference], 600_000);
    return source.reference;
  }
  const output = await dockerOk(["load", "--quiet", "--input", source.path], 600_000);
  const loaded = /Loaded image(?: ID)?: (\S+)/.exec(output)?.[1];
  if (loaded === undefined) {
    throw new DockerCommandError(["load", "--input", source.path], {
      code: 0,
      stdout: output,
      stderr: "no image name in its output",
    });
  }
  return loaded;
}

/**
 * Runs the image in the local Docker engine and applies the runtime rules. Only linux/amd64
 * images are supported: the write and uid probe is an x86-64 program.
 */
export async function verifyRuntime(
  source: ImageSource,
  model: ImageModel,
): Promise<ImageViolation[]> {
  if (model.platform !== "linux/amd64") {
    throw new RuntimeUnsupportedError(
      model.source,
      `supports linux/amd64 images only (its probe is an x86-64 program); this image is ${model.platform || "of unknown platform"}`,
    );
  }
  await requireDockerEngine();
  const image = await engineImage(source);
  return evaluateRuntime(await observeImage(image, model.config.healthcheck));
}
