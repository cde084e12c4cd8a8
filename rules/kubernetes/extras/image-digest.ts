import { isSha256Digest } from "../../image-reference";
import { HARDENED_PROFILES } from "../../profile";
import { KubernetesRule } from "../kubernetes-rule";
import { containerImage } from "./support/container-image";

/** Hardened extra: every container image is pinned by a sha256 digest. */
export const imageDigest: KubernetesRule = {
  id: "image-digest",
  title: "Container images must be pinned by a sha256 digest",
  description:
    "A tag can be moved to different content at any time, so what runs is not what was reviewed; only a digest names one exact image. Visits init, regular and ephemeral containers. A missing image and a reference that does not parse are reported here (and only here: image-tag and allowed-registries stay silent on them).",
  severity: "error",
  profiles: HARDENED_PROFILES,
  target: "kubernetes",
  references: {
    checkov: ["CKV_K8S_43"],
    docs: [
      "https://kubernetes.io/docs/concepts/containers/images/#image-names",
      "https://github.com/opencontainers/image-spec/blob/main/descriptor.md#digests",
    ],
  },
  remediation:
    "Reference the image as registry/repository[:tag]@sha256:<64 hex digits>, for example with the digest HardenedImage outputs or `docker buildx imagetools inspect <image>`.",
  checkContainer: (ctx) => {
    const image = containerImage(ctx);
    if (image.state === "missing") {
      return [
        { path: image.path, message: "image is unset; expected an image pinned by @sha256 digest" },
      ];
    }
    if (image.state === "invalid") {
      return [{ path: image.path, message: `${image.reason}; expected an image pinned by digest` }];
    }
    const { raw, digest } = image.reference;
    if (digest === undefined) {
      return [
        {
          path: image.path,
          message: `image "${raw}" is not pinned by digest; expected ${raw}@sha256:<64 hex digits>`,
        },
      ];
    }
    if (!isSha256Digest(digest)) {
      return [
        {
          path: image.path,
          message: `image "${raw}" has digest "${digest}", which is not a sha256 digest; expected "sha256:" followed by 64 lower-case hex digits`,
        },
      ];
    }
    return [];
  },
};
