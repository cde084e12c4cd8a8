/** Pulumi type token of `docker.Image` in `@pulumi/docker` v4 (build and push with the Docker CLI). */
export const DOCKER_IMAGE_TYPE = "docker:index/image:Image";

/** Pulumi type token of `docker.Container` in `@pulumi/docker`. */
export const DOCKER_CONTAINER_TYPE = "docker:index/container:Container";

/** Pulumi type token of `dockerbuild.Image` in `@pulumi/docker-build` (BuildKit). */
export const DOCKER_BUILD_IMAGE_TYPE = "docker-build:index:Image";
