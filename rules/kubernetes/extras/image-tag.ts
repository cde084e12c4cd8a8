import { isSha256Digest } from "../../image-reference";
import { HARDENED_PROFILES } from "../../profile";
import { KubernetesRule } from "../kubernetes-rule";
import { containerImage } from "./support/container-image";

/** Hardened extra: an image not pinned by digest names a release tag, not `latest` or nothing. */
export const imageTag: KubernetesRule = {
  id: "image-tag",
  title: "Container images must not use the latest tag or no tag",
  description:
    'An untagged image means "latest", which moves with every push: the version that runs changes with each node pull. An image pinned by a valid sha256 digest passes whatever its tag, `:latest@sha256:...` included, because the runtime pulls by digest and ignores the tag (kube-linter agrees; hadolint DL3007 also flags that form). In the hardened profile image-digest already reports every unpinned image, so this warning is dropped where image-digest reports the same image; it shows when image-digest is exempted or not evaluated. Missing and unparsable images are left to image-digest. Visits init, regular and ephemeral containers.',
  severity: "warning",
  profiles: HARDENED_PROFILES,
  target: "kubernetes",
  references: {
    hadolint: ["DL3007"],
    kubeLinter: ["latest-tag"],
    checkov: ["CKV_K8S_14"],
    polaris: ["tagNotSpecified"],
    kyverno: ["disallow-latest-tag"],
    trivy: ["KSV013"],
  },
  remediation:
    "Pin the image by digest, or at least name an immutable release tag such as nginx:1.27.3.",
  coveredBy: ["image-digest"],
  checkContainer: (ctx) => {
    const image = containerImage(ctx);
    if (image.state !== "parsed" || isSha256Digest(image.reference.digest)) {
      return [];
    }
    const { raw, tag } = image.reference;
    if (tag === undefined) {
      return [
        {
          path: image.path,
          message: `image "${raw}" has no tag, so it means "latest"; expected a release tag or a digest`,
        },
      ];
    }
    if (tag === "latest") {
      return [
        {
          path: image.path,
          message: `image "${raw}" uses the "latest" tag; expected a release tag or a digest`,
        },
      ];
    }
    return [];
  },
};
