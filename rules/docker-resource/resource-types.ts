/** Pulumi type token of `docker.Image` in `@pulumi/docker` v4 (build and push with the Docker CLI). */
export const DOCKER_IMAGE_TYPE = "docker:index/image:Image";

/** Pulumi type token of `docker.Container` in `@pulumi/docker`. */
export const DOCKER_CONTAINER_TYPE = "docker:index/container:Container";

/** Pulumi type token of `dockerbuild.Image` in `@pulumi/docker-build` (BuildKit). */
export const DOCKER_BUILD_IMAGE_TYPE = "docker-build:index:Image";

/**
 * Pulumi type token of HardenedImage's build step: a dynamic resource whose inputs are laid out
 * like `dockerbuild.Image`'s (`tags`, `buildArgs`, `dockerfile.inline`, `target`, output `ref`).
 */
export const HARDENED_IMAGE_BUILD_TYPE = "pulumi-nodejs:dynamic/hardened:ImageBuild";

/** The image resources laid out like `dockerbuild.Image`, read by the same rules. */
export const BUILDKIT_IMAGE_TYPES: readonly string[] = [
  DOCKER_BUILD_IMAGE_TYPE,
  HARDENED_IMAGE_BUILD_TYPE,
];
