import { fieldPath } from "../field-path";
import { InvalidImageReferenceError, parseImageReference } from "../image-reference";
import { HARDENED_PROFILES } from "../profile";
import { Violation } from "../rule";
import { DockerResourceRule } from "./docker-resource-rule";
import { BUILDKIT_IMAGE_TYPES, DOCKER_IMAGE_TYPE } from "./resource-types";
import { listOf, stringOf } from "../read";

function checkName(name: string, path: string): Violation[] {
  let tag: string | undefined;
  try {
    tag = parseImageReference(name).tag;
  } catch (error) {
    if (error instanceof InvalidImageReferenceError) {
      return [{ path, message: `${error.message}; expected "<repository>:<version>"` }];
    }
    throw error;
  }
  if (tag === undefined) {
    return [
      {
        path,
        message: `image name ${JSON.stringify(name)} has no tag, so it is pushed as "latest"; expected an immutable version tag such as "1.4.2" or a commit SHA`,
      },
    ];
  }
  return tag === "latest"
    ? [
        {
          path,
          message: `image name ${JSON.stringify(name)} uses the tag "latest"; expected an immutable version tag such as "1.4.2" or a commit SHA`,
        },
      ]
    : [];
}

/** Images built by Pulumi are pushed under a version tag, never `latest` or no tag. */
export const dockerImageTag: DockerResourceRule = {
  id: "docker-image-tag",
  title: "Built images must be pushed with a version tag, not latest",
  description:
    '"latest" (or no tag) is overwritten by every push: what a deployment runs then depends on when it pulled, and rollbacks have nothing to return to.',
  severity: "warning",
  profiles: HARDENED_PROFILES,
  target: "docker-resource",
  references: {
    docs: [
      "https://docs.docker.com/reference/cli/docker/image/tag/",
      "https://kubernetes.io/docs/concepts/containers/images/#image-names",
    ],
  },
  remediation:
    "Name the image <repository>:<version>, deriving the version from the release or the commit SHA, and deploy it by its digest (the repoDigest output).",
  resourceTypes: [DOCKER_IMAGE_TYPE, ...BUILDKIT_IMAGE_TYPES],
  check: (inputs, type) => {
    if (type === DOCKER_IMAGE_TYPE) {
      const name = stringOf(inputs.imageName);
      return name === undefined ? [] : checkName(name, "imageName");
    }
    const violations: Violation[] = [];
    listOf(inputs.tags).forEach((tag, index) => {
      if (typeof tag === "string") {
        violations.push(...checkName(tag, fieldPath("tags", index)));
      }
    });
    return violations;
  },
};
