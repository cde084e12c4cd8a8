import { isFromAllowedRegistry, repositoryName } from "../../image-reference";
import { HARDENED_PROFILES } from "../../profile";
import { KubernetesRule } from "../kubernetes-rule";
import { containerImage } from "./support/container-image";

/** Hardened extra: images come only from the registries the options allow. */
export const allowedRegistries: KubernetesRule = {
  id: "allowed-registries",
  title: "Container images must come from an allowed registry",
  description:
    "Images from arbitrary registries bypass the scanning, signing and retention of the registries you trust. The allowed list is the `allowedRegistries` option (a host such as `ghcr.io` or `127.0.0.1:5000`, or a host and path prefix such as `ghcr.io/acme` or `docker.io/library`, matched on whole path components after Docker's normalization: `nginx` is `docker.io/library/nginx`); an empty list allows every registry, so this rule then reports nothing. Missing and unparsable images are left to image-digest. Visits init, regular and ephemeral containers.",
  severity: "error",
  profiles: HARDENED_PROFILES,
  target: "kubernetes",
  references: {
    kyverno: ["restrict-image-registries"],
    docs: ["https://kubernetes.io/docs/concepts/containers/images/#image-names"],
  },
  remediation:
    "Push the image to an allowed registry (or mirror it there) and reference it from there, or add its registry to allowedRegistries.",
  checkContainer: (ctx, pod) => {
    const allowed = pod.options.allowedRegistries;
    const image = containerImage(ctx);
    if (image.state !== "parsed" || isFromAllowedRegistry(image.reference, allowed)) {
      return [];
    }
    return [
      {
        path: image.path,
        message: `image "${image.reference.raw}" is ${repositoryName(image.reference)}, from registry "${image.reference.registry}"; expected an image from ${allowed.map((a) => `"${a}"`).join(", ")}`,
      },
    ];
  },
};
