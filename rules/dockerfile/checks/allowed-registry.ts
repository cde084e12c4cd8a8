import { isFromAllowedRegistry } from "../../image-reference";
import { HARDENED_PROFILES } from "../../profile";
import { parsedImage } from "../support/base-image";
import { DockerfileRule, DockerfileViolation, violationAt } from "../dockerfile-rule";
import { describeImage, externalImages } from "../support/external-images";

/** Images come only from the allowed registries, when a list is configured. */
export const dockerfileAllowedRegistry: DockerfileRule = {
  id: "dockerfile-allowed-registry",
  title: "Images must come from an allowed registry",
  description:
    "Pulling only from registries you trust and mirror keeps unreviewed images, and registry outages, out of your builds. Active only when allowed registries are configured.",
  severity: "error",
  profiles: HARDENED_PROFILES,
  target: "dockerfile",
  references: { hadolint: ["DL3026"], cisDocker: ["4.2"] },
  remediation:
    "Pull the image through an allowed registry (a mirror or pull-through cache) or add its registry to allowedRegistries.",
  check: (model, options) => {
    const allowed = options.allowedRegistries ?? [];
    if (allowed.length === 0) {
      return [];
    }
    return externalImages(model).flatMap(({ instruction, image }): DockerfileViolation[] => {
      const ref = parsedImage(image);
      return ref === undefined || isFromAllowedRegistry(ref, allowed)
        ? []
        : [
            violationAt(
              model,
              instruction,
              `${describeImage(image)} comes from ${ref.registry}/${ref.repository}; allowed registries: ${allowed.join(", ")}`,
            ),
          ];
    });
  },
};
