import { fieldPath } from "../field-path";
import { HARDENED_PROFILES } from "../profile";
import { Violation } from "../rule";
import { DockerResourceRule } from "./docker-resource-rule";
import { BUILDKIT_IMAGE_TYPES, DOCKER_IMAGE_TYPE } from "./resource-types";
import { recordOf } from "../read";

const SECRET_WORDS =
  /(password|passwd|passphrase|secret|token|apikey|accesskey|privatekey|credential)/;

/**
 * True when a build argument's name suggests it carries a secret (`DB_PASSWORD`, `npmToken`,
 * `AWS_SECRET_ACCESS_KEY`). Separators and case are ignored.
 */
export function isSecretLikeName(name: string): boolean {
  return SECRET_WORDS.test(name.toLowerCase().replace(/[^a-z0-9]/g, ""));
}

function checkArgs(args: unknown, base: string): Violation[] {
  return Object.keys(recordOf(args) ?? {})
    .filter(isSecretLikeName)
    .map((name) => ({
      path: fieldPath(base, name),
      message: `build argument ${JSON.stringify(name)} looks like a secret; build arguments are recorded in the image's history and build cache, expected a build secret instead`,
    }));
}

/** CIS Docker 4.10: secrets must not reach an image through build arguments. */
export const dockerBuildSecretArgs: DockerResourceRule = {
  id: "docker-build-secret-args",
  title: "Secrets must not be passed as build arguments",
  description:
    "Build arguments end up in the image's history, its provenance and the build cache, where anyone who can pull the image can read them.",
  severity: "error",
  profiles: HARDENED_PROFILES,
  target: "docker-resource",
  references: {
    cisDocker: ["4.10"],
    docs: ["https://docs.docker.com/build/building/secrets/"],
  },
  remediation:
    "Pass the value as a BuildKit secret (dockerbuild.Image secrets, read with RUN --mount=type=secret) instead of a build argument.",
  resourceTypes: [DOCKER_IMAGE_TYPE, ...BUILDKIT_IMAGE_TYPES],
  check: (inputs, type) =>
    type === DOCKER_IMAGE_TYPE
      ? checkArgs(recordOf(inputs.build)?.args, "build.args")
      : checkArgs(inputs.buildArgs, "buildArgs"),
};
