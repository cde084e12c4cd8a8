import * as docker from "@pulumi/docker";
import * as pulumi from "@pulumi/pulumi";
import { RegistryClient } from "../../oci/client";
import { Finding } from "../../rules/finding";
import { isSha256Digest } from "../../rules/image-reference";
import { HardenedImageArgs } from "./args";
import { describeImageFinding } from "./lint-step";
import { PinnedBaseImage } from "./pin-step";
import { ImageUserIds, PreparedBuild, prepareBuild } from "./prepare";
import { loadSource } from "./source";

/** The Pulumi type token of {@link HardenedImage}. */
export const HARDENED_IMAGE_TYPE = "hardened:index:HardenedImage";

/** The pushed image's reference must be `repository@sha256:<64 hex>`. */
export class ImageDigestError extends Error {
  constructor(owner: string, repoDigest: unknown) {
    super(
      `${owner}: docker.Image reported repoDigest ${JSON.stringify(repoDigest)}; expected <repository>@sha256:<64 hex digits> after the push`,
    );
    this.name = "ImageDigestError";
  }
}

function checkRepoDigest(owner: string, repoDigest: unknown): string {
  const at = typeof repoDigest === "string" ? repoDigest.lastIndexOf("@") : -1;
  if (at <= 0 || !isSha256Digest((repoDigest as string).slice(at + 1))) {
    throw new ImageDigestError(owner, repoDigest);
  }
  return repoDigest as string;
}

function report(prepared: PreparedBuild, resource: pulumi.Resource): void {
  for (const finding of prepared.findings) {
    const line = describeImageFinding(finding);
    if (finding.exempted || finding.severity === "note") {
      pulumi.log.info(line, resource);
    } else {
      pulumi.log.warn(line, resource);
    }
  }
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

/**
 * A container image built from your Dockerfile or a hardened preset, with every base image pinned
 * by digest (through the lock file or the registry, during previews too), the pinned Dockerfile
 * linted with the hardened profile's Dockerfile rules (errors fail the resource and list every
 * finding; warnings are logged), OCI provenance labels, and the pushed digest as its `ref`.
 *
 * It satisfies HardenedDeployment's `ImageSource`: pass it as the deployment's `image`, and the
 * pod runs the exact digest as the image's numeric user.
 */
export class HardenedImage extends pulumi.ComponentResource {
  /** The `docker.Image` that builds and pushes. */
  public readonly image: docker.Image;
  /** The pushed image by digest: `registry/repository@sha256:<64 hex>`. */
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

  constructor(name: string, args: HardenedImageArgs, opts?: pulumi.ComponentResourceOptions) {
    super(HARDENED_IMAGE_TYPE, name, {}, opts);
    const owner = `HardenedImage "${name}"`;
    const source = loadSource(owner, args);
    const client = new RegistryClient({ insecureRegistries: args.insecureRegistries ?? [] });
    const prepared = pulumi.output(
      prepareBuild(owner, source, args, (ref) => client.resolveDigest(ref)).then((p) => {
        report(p, this);
        return p;
      }),
    );
    this.image = new docker.Image(
      name,
      {
        imageName: args.imageName,
        build: {
          context: source.context,
          dockerfile: prepared.apply((p) => p.dockerfilePath),
          target: prepared.apply((p) => p.target) as pulumi.Output<string>,
          args: args.buildArgs,
          platform: args.platform,
          builderVersion: args.builderVersion ?? "BuilderV1",
        },
        registry: args.registry,
      },
      { parent: this },
    );
    this.ref = this.image.repoDigest.apply((d) => checkRepoDigest(owner, d));
    this.digest = this.ref.apply((r) => r.slice(r.lastIndexOf("@") + 1));
    this.baseImages = prepared.apply((p) => [...p.baseImages]);
    this.user = prepared.apply((p) => p.user);
    this.dockerfile = prepared.apply((p) => p.dockerfile);
    this.findings = prepared.apply((p) => [...p.findings]);
    this.registerOutputs({
      image: this.image,
      ref: this.ref,
      digest: this.digest,
      baseImages: this.baseImages,
      user: this.user,
      dockerfile: this.dockerfile,
      findings: this.findings,
    });
  }
}
