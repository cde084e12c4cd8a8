import { BASELINE_PROFILES } from "../profile";
import { DockerResourceRule } from "./docker-resource-rule";
import { DOCKER_CONTAINER_TYPE } from "./resource-types";

/** CIS Docker 5.4: a `docker.Container` must not run privileged. */
export const dockerPrivileged: DockerResourceRule = {
  id: "docker-privileged",
  title: "Docker containers must not be privileged",
  description:
    "A privileged container has every capability and access to all host devices; it can take over the Docker host.",
  severity: "error",
  profiles: BASELINE_PROFILES,
  target: "docker-resource",
  references: {
    cisDocker: ["5.4"],
    docs: ["https://docs.docker.com/reference/cli/docker/container/run/#privileged"],
  },
  remediation: "Remove privileged from the docker.Container or set it to false.",
  resourceTypes: [DOCKER_CONTAINER_TYPE],
  check: (inputs) =>
    inputs.privileged === true
      ? [{ path: "privileged", message: "privileged is true; expected false or unset" }]
      : [],
};
