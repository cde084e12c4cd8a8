import { isFromAllowedRegistry, isSha256Digest } from "../../image-reference";
import { HARDENED_PROFILES } from "../../profile";
import { finalChain } from "../ancestry";
import { isDebugVariant, parsedImage } from "../base-image";
import { DockerfileRule, DockerfileViolation, violationAt } from "../dockerfile-rule";
import { DockerfileInstruction, DockerfileModel, WrittenImage } from "../model";

type ExternalImage = { readonly instruction: DockerfileInstruction; readonly image: WrittenImage };

/** Every image the file pulls, with its instruction. */
function externalImages(model: DockerfileModel): readonly ExternalImage[] {
  const found: ExternalImage[] = [];
  for (const stage of model.stages) {
    for (const instruction of stage.instructions) {
      if (instruction.source?.kind === "image") {
        found.push({ instruction, image: instruction.source });
      }
      for (const source of instruction.mountSources) {
        if (source.kind === "image") {
          found.push({ instruction, image: source });
        }
      }
    }
  }
  return found;
}

function describe(image: WrittenImage): string {
  return image.written === image.reference
    ? `"${image.reference}"`
    : `"${image.written}" (${image.reference})`;
}

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
            `${describe(image)} is not a valid image reference (${parsed.message}); expected <image>@sha256:<digest>`,
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
            ? `${instruction.keyword} uses ${describe(image)}, which is not pinned by digest; expected ${image.reference}@sha256:<digest>`
            : `${instruction.keyword} uses ${describe(image)}, whose digest "${digest}" is not sha256: followed by 64 lower-case hex digits`,
        ),
      ];
    }),
};

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
            `${describe(image)} uses the "latest" tag; expected a version tag such as 1.2.3`,
          ),
        ];
      }
      return ref.tag === undefined && ref.digest === undefined
        ? [
            violationAt(
              model,
              instruction,
              `${describe(image)} has no tag, so it means "latest"; expected a version tag and a digest`,
            ),
          ]
        : [];
    }),
};

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
              `${describe(image)} comes from ${ref.registry}/${ref.repository}; allowed registries: ${allowed.join(", ")}`,
            ),
          ];
    });
  },
};

/** The final stage does not start from a debug or development variant. */
export const dockerfileFinalBaseDebug: DockerfileRule = {
  id: "dockerfile-final-base-debug",
  title: "The final stage must not be based on a debug or dev image variant",
  description:
    "Debug and dev variants (distroless :debug, Chainguard -dev, ...-dev tags) add a shell, a package manager or build tools to what was meant to be a minimal runtime image.",
  severity: "error",
  profiles: HARDENED_PROFILES,
  target: "dockerfile",
  references: { docs: ["https://github.com/GoogleContainerTools/distroless#debug-images"] },
  remediation:
    "Use the non-debug runtime variant in the final stage (e.g. gcr.io/distroless/static-debian12:nonroot) and keep debug images for builder stages or ephemeral debug containers.",
  check: (model) => {
    const root = finalChain(model)[0];
    const ref = parsedImage(root.base);
    const from = root.instructions[0];
    return ref !== undefined && isDebugVariant(ref)
      ? [
          violationAt(
            model,
            from,
            `the final stage ${model.stages[model.target].label} is built on "${ref.raw}", a debug/dev variant (tag "${ref.tag}"); expected a runtime variant without shell or build tools`,
          ),
        ]
      : [];
  },
};
