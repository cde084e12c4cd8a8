import { isSha256Digest } from "../../image-reference";
import { HARDENED_PROFILES } from "../../profile";
import { DockerfileRule } from "../dockerfile-rule";
import { parseReference } from "../support/base-image";

/** The `# syntax=` frontend is pinned by digest, like every image the build pulls. */
export const dockerfileSyntaxDigest: DockerfileRule = {
  id: "dockerfile-syntax-digest",
  title: "A # syntax= frontend must be pinned by sha256 digest",
  description:
    "The `# syntax=` directive names an image that BuildKit pulls and runs as the Dockerfile frontend: it reads the file and decides every step of the build. A tag such as docker/dockerfile:1.7 can be moved to different content, so an unpinned frontend can change what is built with no change to the Dockerfile.",
  severity: "error",
  profiles: HARDENED_PROFILES,
  target: "dockerfile",
  references: {
    docs: [
      "https://docs.docker.com/reference/dockerfile/#syntax",
      "https://docs.docker.com/build/buildkit/frontend/",
    ],
  },
  remediation:
    "Pin the frontend by digest: # syntax=docker/dockerfile:1.7@sha256:<digest> (`docker buildx imagetools inspect docker/dockerfile:1.7` prints it), or remove the line to use the builder's built-in frontend.",
  check: (model) => {
    if (model.syntax === undefined || model.syntaxLine === undefined) {
      return [];
    }
    const ref = parseReference(model.syntax);
    const digest = ref instanceof Error ? undefined : ref.digest;
    return isSha256Digest(digest)
      ? []
      : [
          {
            line: model.syntaxLine,
            stage: -1,
            path: "directive.syntax",
            message:
              ref instanceof Error
                ? `# syntax=${model.syntax} is not a valid image reference (${ref.message}); expected <image>@sha256:<digest>`
                : `# syntax=${model.syntax} names a frontend image not pinned by digest; expected ${ref.digest === undefined ? model.syntax : "<image>"}@sha256:<digest>`,
          },
        ];
  },
};
