import { BASELINE_PROFILES } from "../profile";
import { DockerResourceRule } from "./docker-resource-rule";
import { DOCKER_CONTAINER_TYPE } from "./resource-types";
import { stringOf } from "../read";

/** True when a Docker `user` value (`name|uid[:group|gid]`) names the root user. */
export function isRootDockerUser(user: string): boolean {
  const name = user.split(":")[0].trim();
  return name === "root" || /^0+$/.test(name);
}

/** CIS Docker 4.1: a `docker.Container` must run as an explicit non-root user. */
export const dockerNonRootUser: DockerResourceRule = {
  id: "docker-non-root-user",
  title: "Docker containers must run as a non-root user",
  description:
    "A process running as root inside the container is root on the host once it escapes; without an explicit user the image's default, often root, applies.",
  severity: "error",
  profiles: BASELINE_PROFILES,
  target: "docker-resource",
  references: {
    cisDocker: ["4.1"],
    docs: ["https://docs.docker.com/reference/cli/docker/container/run/#user"],
  },
  remediation: 'Set user on the docker.Container to a non-root UID and GID, such as "65532:65532".',
  resourceTypes: [DOCKER_CONTAINER_TYPE],
  check: (inputs) => {
    const user = stringOf(inputs.user);
    if (user === undefined || user.trim() === "") {
      return [
        {
          path: "user",
          message: `user is ${user === undefined ? "unset" : "empty"}; expected a non-root user such as "65532:65532"`,
        },
      ];
    }
    return isRootDockerUser(user)
      ? [
          {
            path: "user",
            message: `user is ${JSON.stringify(user)}, which is root; expected a non-root user such as "65532:65532"`,
          },
        ]
      : [];
  },
};
