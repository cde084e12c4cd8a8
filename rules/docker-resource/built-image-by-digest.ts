import { Finding } from "../finding";
import {
  ImageReference,
  InvalidImageReferenceError,
  isSha256Digest,
  parseImageReference,
  repositoryName,
} from "../image-reference";
import { HARDENED_PROFILES } from "../profile";
import { StackRule } from "../stack-rule";

/** An image built and pushed in the stack. */
export interface BuiltImage {
  /** The Pulumi resource name of the image resource. */
  readonly resourceName: string;
  /** The references it was pushed as (`imageName`, or every `tags` entry). */
  readonly pushedAs: readonly string[];
  /** Its digest reference (`repoDigest`, `ref`), when known. */
  readonly digestRef?: string;
}

/** One place a resource names a container image. */
export interface ImageUse {
  /** Kind (or Pulumi type) of the resource that uses the image. */
  readonly kind: string;
  /** Name of that resource. */
  readonly name: string;
  /** Namespace of that resource, when it has one. */
  readonly namespace?: string | null;
  /** Container name, when the use belongs to one. */
  readonly container: string | null;
  /** Exact field path of the image reference. */
  readonly path: string;
  /** The image reference as written. */
  readonly image: string;
}

/** Stack rule: an image built in the stack is deployed by its digest, not by a tag it was pushed as. */
export const builtImageByDigest: StackRule = {
  id: "built-image-by-digest",
  title: "Images built in the stack must be deployed by digest",
  description:
    "A tag the stack just pushed can be moved by the next push; deploying the digest the build produced is the only way to run exactly the image that was built and scanned.",
  severity: "error",
  profiles: HARDENED_PROFILES,
  target: "stack",
  references: {
    docs: [
      "https://kubernetes.io/docs/concepts/containers/images/#image-names",
      "https://www.pulumi.com/registry/packages/docker/api-docs/image/#repodigest_nodejs",
    ],
  },
  remediation:
    "Deploy the image resource's digest output (docker.Image repoDigest, dockerbuild.Image ref) instead of its imageName or tag.",
};

function parse(raw: string): ImageReference | undefined {
  try {
    return parseImageReference(raw);
  } catch (error) {
    if (error instanceof InvalidImageReferenceError) {
      return undefined;
    }
    throw error;
  }
}

/**
 * Finds the uses of images built in the stack that name them by a tag instead of by digest. A
 * use is matched to a built image by repository (`registry/path`); uses with a complete sha256
 * digest comply; references that do not parse are left to the image rules.
 */
export function checkBuiltImageUses(
  images: readonly BuiltImage[],
  uses: readonly ImageUse[],
): Finding[] {
  const byRepository = new Map<string, BuiltImage>();
  for (const image of images) {
    for (const pushed of image.pushedAs) {
      const ref = parse(pushed);
      if (ref) {
        byRepository.set(repositoryName(ref), image);
      }
    }
  }
  const findings: Finding[] = [];
  for (const use of uses) {
    const ref = parse(use.image);
    const built = ref && byRepository.get(repositoryName(ref));
    if (!ref || !built || isSha256Digest(ref.digest)) {
      continue;
    }
    const expected = built.digestRef ? ` such as ${JSON.stringify(built.digestRef)}` : "";
    findings.push({
      ruleId: builtImageByDigest.id,
      severity: builtImageByDigest.severity,
      message: `image ${JSON.stringify(use.image)} was built in this stack by "${built.resourceName}" but is deployed by tag; expected its digest reference${expected}`,
      path: use.path,
      container: use.container,
      kind: use.kind,
      name: use.name,
      ...(use.namespace !== undefined ? { namespace: use.namespace } : {}),
    });
  }
  return findings;
}
