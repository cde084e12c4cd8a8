/** The builder a build runs with: the engine's BuildKit (`DOCKER_BUILDKIT=1`) or the classic one. */
export type DockerBuilder = "buildkit" | "classic";

/** Credentials `docker push` uses for the pushed image's registry, instead of the Docker config. */
export interface PushCredentials {
  /** The registry server, e.g. `ghcr.io`; the pushed image's registry when left out. */
  readonly server?: string;
  /** The user name. */
  readonly username?: string;
  /** The password or token. */
  readonly password?: string;
}

/**
 * What the HardenedImage build step builds and pushes, laid out like `dockerbuild.Image`'s inputs
 * (`tags`, `context.location`, `dockerfile.inline`, `target`, `buildArgs`, `platforms`), so the
 * policy pack reads it with the same rules. Plain values: the component resolves every input
 * before the step runs.
 */
export interface ImageBuildInputs {
  /** The one name the image is built and pushed as, `registry/repository[:tag]`. */
  readonly tags: readonly string[];
  /** `registry/repository` of the pushed image, which its `ref` is `<repository>@<digest>` of. */
  readonly repository: string;
  /** The build context directory. */
  readonly context: { readonly location: string };
  /** The pinned, labelled Dockerfile's text. */
  readonly dockerfile: { readonly inline: string };
  /** A digest of every file the context sends to the engine: a change rebuilds the image. */
  readonly contextDigest: string;
  /** The stage to build, when not the last. */
  readonly target?: string;
  /** `--build-arg` values. */
  readonly buildArgs?: Readonly<Record<string, string>>;
  /** The one platform to build for, when given. */
  readonly platforms?: readonly string[];
  /** Build secrets: id → the file on the build machine (`--secret id=<id>,src=<file>`). */
  readonly secretFiles?: Readonly<Record<string, string>>;
  /** The builder, chosen from what the Docker CLI and engine support. */
  readonly builder: DockerBuilder;
  /** The Docker CLI that builds and pushes. */
  readonly dockerCli: string;
  /** Push credentials, when given (a secret: never part of the step's outputs). */
  readonly registry?: PushCredentials;
}

/** What the build step records once the image is pushed: its inputs (bar credentials) and digest. */
export interface ImageBuildOutputs extends Omit<ImageBuildInputs, "registry"> {
  /** `<repository>@sha256:<64 hex>`: the pushed image by digest. */
  readonly ref: string;
  /** The pushed manifest's digest, `sha256:<64 hex>`. */
  readonly digest: string;
}
