import { isSha256Digest } from "../../image-reference";
import { HARDENED_PROFILES } from "../../profile";
import { DockerfileRule, DockerfileViolation, violationAt } from "../dockerfile-rule";
import { describeImage, externalImages } from "../support/external-images";

/** Every image a Dockerfile pulls is pinned by a sha256 digest. */
export const dockerfileBaseDigest: DockerfileRule = {
  id: "dockerfile-base-digest",
  title: "Images in FROM, COPY --from and RUN --mount must be pinned by sha256 digest",
  description:
    "A tag can be moved to different content at any time; only a digest names exactly the image that was reviewed and scanned, so builds are reproducible and cannot be swapped under you.",
  severity: "error",
  profiles: HARDENED_PROFILES,
  target: "dockerfile",
  references: {
    cisDocker: ["4.2"],
    docs: ["https://docs.docker.com/build/building/best-practices/#pin-base-image-versions"],
  },
  remediation:
    "Append the digest to each image: FROM python:3.12-slim@sha256:<64 hex digits> (`hardened pin <Dockerfile>` rewrites them for you).",
  check: (model) =>
    externalImages(model).flatMap(({ instruction, image }): DockerfileViolation[] => {
      const parsed = image.parsed;
      if (parsed instanceof Error) {
        return [
          violationAt(
            model,
            instruction,
            `${describeImage(image)} is not a valid image reference (${parsed.message}); expected <image>@sha256:<digest>`,
          ),
        ];
      }
      const digest = parsed.digest;
      if (isSha256Digest(digest)) {
        return [];
      }
      return [
        violationAt(
          model,
          instruction,
          digest === undefined
            ? `${instruction.keyword} uses ${describeImage(image)}, which is not pinned by digest; expected ${image.reference}@sha256:<digest>`
            : `${instruction.keyword} uses ${describeImage(image)}, whose digest "${digest}" is not sha256: followed by 64 lower-case hex digits`,
        ),
      ];
    }),
};
