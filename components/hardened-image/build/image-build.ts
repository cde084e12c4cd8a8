import * as pulumi from "@pulumi/pulumi";
import { ImageBuildInputs } from "./image-build-inputs";
import { imageBuildProvider } from "./image-build-provider";

/** {@link ImageBuildInputs}, each of which may be an output of another resource. */
export type ImageBuildArgs = {
  readonly [K in keyof ImageBuildInputs]: pulumi.Input<ImageBuildInputs[K]>;
};

/**
 * HardenedImage's build step, of type `pulumi-nodejs:dynamic/hardened:ImageBuild`
 * (`HARDENED_IMAGE_BUILD_TYPE`, which the policy pack reads like a `dockerbuild.Image`): the image built with the Docker CLI and pushed, in the stack's
 * state with its inputs and the pushed digest. During a preview its outputs are known only when
 * nothing it builds changed.
 */
export class ImageBuild extends pulumi.dynamic.Resource {
  /** `<repository>@sha256:<64 hex>`: the pushed image by digest. */
  declare public readonly ref: pulumi.Output<string>;
  /** The pushed manifest's digest, `sha256:<64 hex>`. */
  declare public readonly digest: pulumi.Output<string>;
  /** The builder the image was built with. */
  declare public readonly builder: pulumi.Output<ImageBuildInputs["builder"]>;

  constructor(name: string, args: ImageBuildArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      imageBuildProvider,
      name,
      { ...args, ref: undefined, digest: undefined },
      opts,
      "hardened",
      "ImageBuild",
    );
  }
}
