import { HARDENED_PROFILES } from "../profile";
import { DockerResourceRule } from "./docker-resource-rule";
import { DOCKER_CONTAINER_TYPE } from "./resource-types";

/** CIS Docker 5.12: a `docker.Container`'s root filesystem must be read-only. */
export const dockerReadOnlyRootFilesystem: DockerResourceRule = {
  id: "docker-read-only-root-filesystem",
  title: "Docker containers must have a read-only root filesystem",
  description:
    "A writable root filesystem lets an attacker drop tools and persist changes; writable paths belong on tmpfs mounts or volumes.",
  severity: "error",
  profiles: HARDENED_PROFILES,
  target: "docker-resource",
  references: {
    cisDocker: ["5.12"],
    docs: ["https://docs.docker.com/reference/cli/docker/container/run/#read-only"],
  },
  remediation:
    'Set readOnly: true on the docker.Container and add a tmpfs mount (mounts: [{ type: "tmpfs", target: "/tmp" }]) for each path the program writes to.',
  resourceTypes: [DOCKER_CONTAINER_TYPE],
  check: (inputs) =>
    inputs.readOnly === true
      ? []
      : [
          {
            path: "readOnly",
            message: `readOnly is ${JSON.stringify(inputs.readOnly) ?? "unset"}; expected true`,
          },
        ],
};
