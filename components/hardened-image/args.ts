import * as pulumi from "@pulumi/pulumi";
import { HardenStageArgs } from "./harden-stage";
import { ImageLabelArgs } from "./labels";
import { ImagePreset } from "./preset-args";
import { ImageVerifyArgs } from "./verify-args";

/** Credentials for the registry a HardenedImage pushes to. */
export interface ImageRegistryArgs {
  /**
   * The registry server, e.g. `ghcr.io`.
   * @default the registry of `imageName`
   */
  readonly server?: pulumi.Input<string>;
  /** The user name. */
  readonly username?: pulumi.Input<string>;
  /** The password or token. */
  readonly password?: pulumi.Input<string>;
}

/** The arguments of `HardenedImage`. */
export interface HardenedImageArgs {
  /**
   * Where to push: `registry/repository[:tag]`, fully qualified. The output `ref` names the pushed
   * digest, so the tag only helps people find the image.
   */
  readonly imageName: pulumi.Input<string>;
  /**
   * The build context directory (read at construction, so a plain string).
   * @default "."
   */
  readonly context?: string;
  /**
   * Your own Dockerfile's path. Give this or `preset`, not both.
   * @default `<context>/Dockerfile` when no preset is given
   */
  readonly dockerfile?: string;
  /**
   * Render a hardened multi-stage Dockerfile for a kind of program instead of using your own.
   * @default none: `dockerfile` is built
   */
  readonly preset?: ImagePreset;
  /**
   * The stage to build (`--target`); the lint's final-stage rules look at it.
   * @default the last stage
   */
  readonly target?: string;
  /**
   * Build arguments (`--build-arg`). Never pass secrets here: they are recorded in the image history.
   * @default {}
   */
  readonly buildArgs?: pulumi.Input<Record<string, pulumi.Input<string>>>;
  /**
   * The platform to build for, e.g. `linux/amd64`.
   * @default the Docker engine's platform
   */
  readonly platform?: pulumi.Input<string>;
  /**
   * The Docker builder. Left out, the component builds with BuildKit (`DOCKER_BUILDKIT=1`, the
   * engine's own BuildKit) when the Docker CLI and engine support it, and otherwise with the
   * classic builder, logging why: a Linux engine from 18.09 on, and for a CLI from 23.0 on the
   * buildx plugin. `"BuilderBuildKit"` fails with `HardenedImageArgsError` where BuildKit cannot
   * build; `"BuilderV1"` always uses the classic builder. BuildKit is needed for `secrets` and
   * for Dockerfiles that use `RUN --mount` or heredocs; with it the presets keep the package
   * manager's cache in a cache mount. Offline and under mocks (unit tests, `hardened preview`),
   * where nothing is built, the engine is not asked and BuildKit is assumed.
   * @default BuildKit where the engine supports it, else the classic builder
   */
  readonly builderVersion?: "BuilderV1" | "BuilderBuildKit";
  /**
   * The Docker CLI that builds and pushes, and that is asked which builders the engine has.
   * @default "docker" on the PATH
   */
  readonly dockerCli?: string;
  /**
   * Build secrets, id → a file on the build machine (outside the build context): each is passed
   * as `docker build --secret id=<id>,src=<file>` and exists only at `/run/secrets/<id>` during
   * the `RUN` steps that mount it (`RUN --mount=type=secret,id=<id>`), never in a layer or the
   * history. A preset mounts every secret on its dependency install and points the package manager
   * at the well-known ids: `pip.conf` (`PIP_CONFIG_FILE`), `npmrc` (`NPM_CONFIG_USERCONFIG`),
   * `netrc` (`NETRC`); your own Dockerfile must mount only ids given here. Needs BuildKit: with
   * the classic builder the component fails with `HardenedImageArgsError` rather than build
   * without them. A secret file's content is not part of what decides a rebuild.
   * @default {} (no secrets)
   */
  readonly secrets?: Readonly<Record<string, string>>;
  /**
   * Credentials to push with (and to read the pushed image back with), for `server` or the
   * pushed image's registry. The component marks them secret in the stack's state.
   * @default the Docker client's own configuration (`docker login`, credential helpers)
   */
  readonly registry?: pulumi.Input<ImageRegistryArgs>;
  /**
   * The lock file that pins base image tags to digests (the format `hardened pin` uses), or null
   * to resolve every tag at the registry on every run and record nothing.
   * @default `hardened.lock.json` next to `dockerfile`, or in the context for a preset
   */
  readonly lockFile?: string | null;
  /**
   * Resolve every base image tag again, even those the lock file holds, and record the new digests.
   * @default false
   */
  readonly updatePins?: boolean;
  /**
   * Registries to reach over plain HTTP when resolving tags, besides loopback ones.
   * @default []
   */
  readonly insecureRegistries?: readonly string[];
  /**
   * Registries (or `registry/path` prefixes) base images may come from; others fail the lint.
   * Read like the `allowedRegistries` setting of the CLI config and the policy pack: an entry
   * that can match nothing (`*`, `corp`) fails with `HardenedImageArgsError`.
   * @default [] (every registry is allowed)
   */
  readonly allowedRegistries?: readonly string[];
  /**
   * Provenance labels; the base image name and digest are always labelled.
   * @default {}
   */
  readonly labels?: ImageLabelArgs;
  /**
   * Strip a Debian or Ubuntu final stage that cannot move to distroless: see {@link HardenStageArgs}.
   * @default none: the final stage is built as written
   */
  readonly harden?: HardenStageArgs;
  /**
   * Verify the pushed image with the image rules (`hardened verify`): once the build step has
   * pushed, the image is read back from the registry by digest (with `registry`'s credentials for
   * its server, the Docker config otherwise) and every static image rule runs. An error finding no
   * exemption covers fails the resource with `HardenedImageVerifyError`, and `ref` is never
   * released to a deployment. `true` verifies with the defaults of {@link ImageVerifyArgs}; an
   * object sets the runtime checks, setuid allow-list, budgets and exemptions; `false` skips it
   * (`report` and `reportJson` are then undefined). During a preview of a new image the digest
   * is not known yet, so nothing is verified and nothing fails until `pulumi up` pushes it.
   * @default true: static verification; runtime checks off
   */
  readonly verify?: boolean | ImageVerifyArgs;
  /**
   * Contact no registry: base images missing from the lock file get deterministic placeholder
   * digests (`sha256` of `pulumi-hardened offline <repository>:<tag>`), the lock file is not
   * written, the pushed image is not verified (`report` is undefined), and a `ref` the build
   * step does not report (under mocks) becomes `<repository>@<placeholder of the Dockerfile>`. For unit
   * tests with `pulumi.runtime.setMocks`: see docs/hardened-image.md.
   * @default true in a unit test (under `pulumi.runtime.setMocks` and not a preview), else false
   */
  readonly offline?: boolean;
}
