import * as pulumi from "@pulumi/pulumi";
import {
  InvalidImageReferenceError,
  isSha256Digest,
  parseImageReference,
} from "../../rules/image-reference";
import { HardenedArgsError } from "./errors";
import { ImageUser } from "./security-context";

/**
 * An image built elsewhere, such as a `HardenedImage`: its digest-pinned reference and, when the
 * image declares one, the numeric user it runs as.
 */
export interface ImageSource {
  /** The image reference, pinned by digest: `registry/repository@sha256:<64 hex>`. */
  readonly ref: pulumi.Input<string>;
  /**
   * The numeric user and group the image runs as; they become the pod's `runAsUser`, `runAsGroup`
   * and `fsGroup` defaults.
   * @default 65534:65534 (nobody)
   */
  readonly user?: pulumi.Input<ImageUser | undefined>;
}

/** An image argument: a reference string (pinned by digest) or an {@link ImageSource}. */
export type ImageInput = pulumi.Input<string> | ImageSource;

/** True when `image` is an {@link ImageSource} rather than a reference. */
export function isImageSource(image: ImageInput): image is ImageSource {
  return (
    typeof image === "object" &&
    image !== null &&
    !pulumi.Output.isInstance(image) &&
    !(image instanceof Promise) &&
    "ref" in image
  );
}

/**
 * Checks an image reference once it is known: it must parse, and it must be pinned by a sha256
 * digest unless `allowUnpinned` (an `image-digest` exemption) is set.
 */
export function checkImageRef(
  ref: unknown,
  arg: string,
  owner: string,
  allowUnpinned: boolean,
): string {
  if (typeof ref !== "string") {
    throw new HardenedArgsError(
      owner,
      arg,
      `expected an image reference string, got ${typeof ref}`,
    );
  }
  let parsed;
  try {
    parsed = parseImageReference(ref);
  } catch (error) {
    if (error instanceof InvalidImageReferenceError) {
      throw new HardenedArgsError(owner, arg, error.message);
    }
    throw error;
  }
  if (!allowUnpinned && !isSha256Digest(parsed.digest)) {
    throw new HardenedArgsError(
      owner,
      arg,
      `"${ref}" is not pinned by digest; expected "<repository>@sha256:<64 hex digits>" (or an ImageSource such as a HardenedImage). To deploy a tag anyway, add exemptions: [{ rule: "image-digest", reason: "<why>" }]`,
    );
  }
  return ref;
}

/**
 * Checks an image user once it is known: `uid` and `gid` must be non-negative integers.
 */
export function checkImageUser(user: unknown, arg: string, owner: string): ImageUser {
  const record = (typeof user === "object" && user !== null ? user : {}) as Record<string, unknown>;
  for (const key of ["uid", "gid"]) {
    const value = record[key];
    if (typeof value !== "number" || !Number.isInteger(value) || value < 0) {
      throw new HardenedArgsError(
        owner,
        `${arg}.${key}`,
        `expected a non-negative integer (a numeric id, not a user name), got ${JSON.stringify(value)}`,
      );
    }
  }
  return { uid: record.uid as number, gid: record.gid as number };
}
