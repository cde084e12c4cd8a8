import { fieldPath } from "../field-path";
import { HARDENED_PROFILES } from "../profile";
import { Violation } from "../rule";
import { DockerResourceRule } from "./docker-resource-rule";
import { DOCKER_CONTAINER_TYPE } from "./resource-types";
import { listOf, recordOf } from "../read";

/** CIS Docker 5.3: a `docker.Container` must not add Linux capabilities. */
export const dockerAddedCapabilities: DockerResourceRule = {
  id: "docker-added-capabilities",
  title: "Docker containers must not add Linux capabilities",
  description:
    "Each added capability widens what a compromised process can do to the host kernel; capabilities such as SYS_ADMIN or NET_ADMIN amount to root on the host.",
  severity: "error",
  profiles: HARDENED_PROFILES,
  target: "docker-resource",
  references: {
    cisDocker: ["5.3"],
    docs: [
      "https://docs.docker.com/engine/containers/run/#runtime-privilege-and-linux-capabilities",
    ],
  },
  remediation:
    'Remove capabilities.adds from the docker.Container and drop every capability with capabilities: { drops: ["ALL"] }; bind ports above 1024 instead of adding NET_BIND_SERVICE.',
  resourceTypes: [DOCKER_CONTAINER_TYPE],
  check: (inputs) => {
    const violations: Violation[] = [];
    listOf(recordOf(inputs.capabilities)?.adds).forEach((cap, index) => {
      violations.push({
        path: fieldPath("capabilities", "adds", index),
        message: `capability ${JSON.stringify(cap)} is added; expected no added capabilities`,
      });
    });
    return violations;
  },
};
