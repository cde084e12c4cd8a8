import { HARDENED_PROFILES } from "../../profile";
import { parsedImage } from "../support/base-image";
import { DockerfileRule, DockerfileViolation, violationAt } from "../dockerfile-rule";
import { describeImage, externalImages } from "../support/external-images";

/** Images carry a real version tag: not `latest`, not untagged without a digest. */
export const dockerfileBaseTag: DockerfileRule = {
  id: "dockerfile-base-tag",
  title: "Images must name a version tag, not latest",
  description:
    "An untagged reference means `latest`, which changes under you; a digest with a `latest` tag hides which version it is. A version tag tells readers and scanners what the digest is.",
  severity: "warning",
  profiles: HARDENED_PROFILES,
  target: "dockerfile",
  references: { hadolint: ["DL3006", "DL3007"], trivy: ["DS001"], checkov: ["CKV_DOCKER_7"] },
  remediation:
    "Write the version you use next to the digest: FROM node:22.11-bookworm-slim@sha256:<digest>.",
  check: (model) =>
    externalImages(model).flatMap(({ instruction, image }): DockerfileViolation[] => {
      const ref = parsedImage(image);
      if (ref === undefined) {
        return [];
      }
      if (ref.tag === "latest") {
        return [
          violationAt(
            model,
            instruction,
            `${describeImage(image)} uses the "latest" tag; expected a version tag such as 1.2.3`,
          ),
        ];
      }
      return ref.tag === undefined && ref.digest === undefined
        ? [
            violationAt(
              model,
              instruction,
              `${describeImage(image)} has no tag, so it means "latest"; expected a version tag and a digest`,
            ),
          ]
        : [];
    }),
};
