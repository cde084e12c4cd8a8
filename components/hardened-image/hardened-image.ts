import { resolve } from "path";
import * as pulumi from "@pulumi/pulumi";
import { RegistryClient } from "../../oci/client";
import { dockerConfigCredentials } from "../../oci/docker-config";
import { Finding } from "../../rules/finding";
import { isSha256Digest, parseImageReference, repositoryName } from "../../rules/image-reference";
import { Exemption } from "../../rules/exemptions/exemption";
import { logFindings, logUnusedExemptions } from "../shared/log-findings";
import { componentSetting } from "../shared/settings";
import { HardenedImageArgs } from "./args";
import { contextDigest } from "./build/context-digest";
import { ImageBuild } from "./build/image-build";
import { resolveBuilder } from "./build/resolve-builder";
import { HardenedImageArgsError, HardenedImagePinError, ImageDigestError } from "./errors";
import { PinnedBaseImage } from "./pin-step";
import { ImageUserIds, PreparedBuild, prepareBuild } from "./prepare";
import { registryArgCredentials } from "./registry-credentials";
import {
  imageRunMode,
  mayWriteLock,
  placeholderDigest,
  placeholderResolver,
  runningUnderMocks,
} from "./run-mode";
import { loadSource } from "./source";
import { resolveVerifyArgs, VerifySettings, verifyPlatform } from "./verify-args";
import { ImageHardeningReport } from "./verify-report";
import { PushedImageVerification, verifyPushedImage } from "./verify-step";

/** The Pulumi type token of {@link HardenedImage}. */
export const HARDENED_IMAGE_TYPE = "hardened:index:HardenedImage";

function checkRepoDigest(owner: string, repoDigest: unknown): string {
  const at = typeof repoDigest === "string" ? repoDigest.lastIndexOf("@") : -1;
  if (at <= 0 || !isSha256Digest((repoDigest as string).slice(at + 1))) {
    throw new ImageDigestError(owner, repoDigest);
  }
  return repoDigest as string;
}

/** The placeholder `repository@sha256:…` of an image built offline, from its Dockerfile. */
function placeholderRepoDigest(imageName: string, dockerfile: string): string {
  return `${repositoryName(parseImageReference(imageName))}@${placeholderDigest(dockerfile)}`;
}

function report(prepared: PreparedBuild, resource: pulumi.Resource): void {
  logFindings(prepared.findings, resource);
  if (prepared.user === undefined) {
    pulumi.log.warn(
      "the final stage's USER is not written <uid>:<gid> in digits, so the output `user` is undefined and a HardenedDeployment of this image runs it as its default user; write USER <uid>:<gid>",
      resource,
    );
  }
  for (const kept of prepared.keptReferences) {
    pulumi.log.info(`not pinned: ${kept}`, resource);
  }
}

/** The verified image, or the pushed one when verification is off. */
interface Released {
  readonly ref: string;
  readonly verification?: PushedImageVerification;
}

function logVerification(
  verification: PushedImageVerification,
  exemptions: readonly Exemption[],
  resource: pulumi.Resource,
): void {
  logFindings(verification.findings, resource);
  logUnusedExemptions(verification.findings, exemptions, "args.verify.exemptions", resource);
}

/**
 * A container image built from your Dockerfile or a hardened preset, with every base image pinned
 * by digest (through the lock file or the registry, during previews too), the pinned Dockerfile
 * linted with the hardened profile's Dockerfile rules (errors fail the resource and list every
 * finding; warnings are logged), OCI provenance labels, and the pushed digest as its `ref`.
 *
 * By default the pushed image is then read back from the registry and verified with the image
 * rules (`hardened verify`); `ref` resolves only once that passed, so nothing can deploy an image
 * that failed it, and `report` holds the hardening report (`hardened report`). During a preview
 * of a new image its digest is unknown: verification is skipped silently and `ref`, `report` and
 * `reportJson` stay unknown. When the digest is already known (an unchanged image), the image is
 * verified during previews too.
 *
 * A preview writes nothing into the build context, and a base it cannot pin (in neither the lock
 * file nor a reachable registry) leaves the image unknown with a warning instead of failing. Under
 * `pulumi.runtime.setMocks` outside a preview (a unit test) it is `offline` by default: no
 * registry I/O, deterministic placeholder digests, no verification.
 *
 * It satisfies HardenedDeployment's `ImageSource`: pass it as the deployment's `image`, and the
 * pod runs the exact digest as the image's numeric user.
 */
export class HardenedImage extends pulumi.ComponentResource {
  /**
   * The build step that builds with the Docker CLI and pushes (a dynamic resource of type
   * `pulumi-nodejs:dynamic/hardened:ImageBuild`); its `builder` output says which builder built.
   */
  public readonly build: ImageBuild;
  /**
   * The pushed image by digest, `registry/repository@sha256:<64 hex>`. It resolves only after the
   * pushed image passed verification (unless `verify` is false), so whatever consumes it is
   * created only for a verified image. Unknown during the preview of a new image.
   */
  public readonly ref: pulumi.Output<string>;
  /** The pushed manifest's digest, `sha256:<64 hex>`. */
  public readonly digest: pulumi.Output<string>;
  /** The base images the build pulls, pinned. */
  public readonly baseImages: pulumi.Output<PinnedBaseImage[]>;
  /** The numeric user the image runs as, when its final USER is `uid:gid`; else undefined. */
  public readonly user: pulumi.Output<ImageUserIds | undefined>;
  /** The Dockerfile that was built: rendered (for a preset), pinned, labelled. */
  public readonly dockerfile: pulumi.Output<string>;
  /** The lint findings that did not block the build (warnings, notes, accepted errors). */
  public readonly findings: pulumi.Output<Finding[]>;
  /**
   * The image rules' findings on the pushed image that did not block it (warnings, notes,
   * exempted errors); `[]` when `verify` is false.
   */
  public readonly imageFindings: pulumi.Output<Finding[]>;
  /**
   * The hardening report of the pushed image, the text `hardened report` prints (plus RUNTIME
   * CHECKS and EXEMPTIONS sections when they apply); undefined when `verify` is false. Export it
   * as a stack output: `export const report = image.report`.
   */
  public readonly report: pulumi.Output<string | undefined>;
  /** The same report as data; undefined when `verify` is false. */
  public readonly reportJson: pulumi.Output<ImageHardeningReport | undefined>;

  constructor(name: string, args: HardenedImageArgs, opts?: pulumi.ComponentResourceOptions) {
    super(HARDENED_IMAGE_TYPE, name, {}, opts);
    const owner = `HardenedImage "${name}"`;
    const mode = imageRunMode(args.offline);
    const dockerCli = args.dockerCli ?? "docker";
    const builder = resolveBuilder(owner, args.builderVersion, dockerCli, {
      askEngine: !mode.offline && !runningUnderMocks(),
      preview: mode.preview,
    });
    if (builder.notice !== undefined) {
      pulumi.log.info(builder.notice, this);
    }
    const source = loadSource(owner, args, builder);
    const verifySettings = resolveVerifyArgs(owner, args.verify);
    componentSetting(
      owner,
      "allowedRegistries",
      args.allowedRegistries,
      "args.",
      HardenedImageArgsError,
    );
    const client = new RegistryClient({ insecureRegistries: args.insecureRegistries ?? [] });
    const prepared = pulumi.output(
      prepareBuild(
        owner,
        source,
        args,
        mode.offline ? placeholderResolver : (ref) => client.resolveDigest(ref),
        { writeLock: mayWriteLock(mode, source.lockFile, source.context) },
      ).then(
        (p) => {
          report(p, this);
          return p;
        },
        (error: unknown) => {
          if (!(mode.preview && error instanceof HardenedImagePinError)) {
            throw error;
          }
          pulumi.log.warn(
            `${error.message}; the preview goes on with the image unknown (run \`hardened pin\` to record the digests in the lock file), and the update will fail unless the registry is reachable then`,
            this,
          );
          return pulumi.unknown as unknown as PreparedBuild;
        },
      ),
    );
    const imageName = pulumi.output(args.imageName);
    const contextDir = resolve(source.context);
    this.build = new ImageBuild(
      name,
      {
        tags: imageName.apply((n) => [n]),
        repository: imageName.apply((n) => repositoryName(parseImageReference(n))),
        context: { location: contextDir },
        dockerfile: prepared.apply((p) => ({ inline: p.dockerfile })),
        contextDigest: prepared.apply(() => contextDigest(contextDir, source.dockerignore)),
        target: prepared.apply((p) => p.target),
        buildArgs: args.buildArgs === undefined ? undefined : pulumi.output(args.buildArgs),
        platforms:
          args.platform === undefined ? undefined : pulumi.output(args.platform).apply((p) => [p]),
        secretFiles:
          source.secrets.length === 0
            ? undefined
            : Object.fromEntries(source.secrets.map((s) => [s.id, s.source])),
        builder: builder.builder,
        dockerCli,
        registry: args.registry === undefined ? undefined : pulumi.secret(args.registry),
      },
      { parent: this },
    );
    const pushed = mode.offline
      ? pulumi
          .all([this.build.ref, imageName, prepared])
          .apply(([d, imageName, p]) =>
            checkRepoDigest(owner, d ?? placeholderRepoDigest(imageName, p.dockerfile)),
          )
      : this.build.ref.apply((d) => checkRepoDigest(owner, d));
    if (mode.offline && verifySettings !== undefined) {
      pulumi.log.info("offline: the pushed image is not read back nor verified", this);
    }
    const released =
      verifySettings === undefined || mode.offline
        ? pushed.apply((ref): Released => ({ ref }))
        : this.verifyOutput(owner, pushed, args, verifySettings);
    this.ref = released.apply((r) => r.ref);
    this.digest = this.ref.apply((r) => r.slice(r.lastIndexOf("@") + 1));
    this.baseImages = prepared.apply((p) => [...p.baseImages]);
    this.user = prepared.apply((p) => p.user);
    this.dockerfile = prepared.apply((p) => p.dockerfile);
    this.findings = prepared.apply((p) => [...p.findings]);
    this.imageFindings = released.apply((r) => [...(r.verification?.findings ?? [])]);
    this.report = released.apply((r) => r.verification?.report);
    this.reportJson = released.apply((r) => r.verification?.reportJson);
    this.registerOutputs({
      build: this.build,
      ref: this.ref,
      digest: this.digest,
      baseImages: this.baseImages,
      user: this.user,
      dockerfile: this.dockerfile,
      findings: this.findings,
      imageFindings: this.imageFindings,
      report: this.report,
      reportJson: this.reportJson,
    });
  }

  /**
   * Verifies the pushed image once its digest is known. The registry argument is unwrapped from
   * its secret: its password only reaches the registry client, never an output.
   */
  private verifyOutput(
    owner: string,
    pushed: pulumi.Output<string>,
    args: HardenedImageArgs,
    settings: VerifySettings,
  ): pulumi.Output<Released> {
    return pulumi
      .all([pushed, pulumi.unsecret(pulumi.output(args.registry)), pulumi.output(args.platform)])
      .apply(async ([ref, registry, platform]): Promise<Released> => {
        const client = new RegistryClient({
          insecureRegistries: args.insecureRegistries ?? [],
          credentials: registryArgCredentials(
            registry,
            parseImageReference(ref).registry,
            dockerConfigCredentials(),
          ),
        });
        const verification = await verifyPushedImage(
          owner,
          { ref, platform: verifyPlatform(owner, settings, platform), client },
          settings,
        );
        logVerification(verification, settings.exemptions, this);
        return { ref, verification };
      });
  }
}
