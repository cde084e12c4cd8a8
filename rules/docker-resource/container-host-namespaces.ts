import { BASELINE_PROFILES } from "../profile";
import { Violation } from "../rule";
import { DockerResourceRule } from "./docker-resource-rule";
import { DOCKER_CONTAINER_TYPE } from "./resource-types";

/** The `docker.Container` inputs that can share a host namespace, with what they share. */
const NAMESPACE_INPUTS: readonly { readonly input: string; readonly namespace: string }[] = [
  { input: "networkMode", namespace: "network" },
  { input: "pidMode", namespace: "process (PID)" },
  { input: "ipcMode", namespace: "IPC" },
  { input: "usernsMode", namespace: "user" },
];

/** CIS Docker 5.9, 5.15, 5.16 and 5.30: a `docker.Container` must not share host namespaces. */
export const dockerHostNamespaces: DockerResourceRule = {
  id: "docker-host-namespaces",
  title: "Docker containers must not share the host's namespaces",
  description:
    "Sharing the host's network, process, IPC or user namespace removes the isolation between the container and every process on the host.",
  severity: "error",
  profiles: BASELINE_PROFILES,
  target: "docker-resource",
  references: {
    cisDocker: ["5.9", "5.15", "5.16", "5.30"],
    docs: ["https://docs.docker.com/engine/containers/run/#network-settings"],
  },
  remediation:
    'Remove networkMode, pidMode, ipcMode and usernsMode "host" from the docker.Container; publish ports with ports and connect containers with networksAdvanced instead.',
  resourceTypes: [DOCKER_CONTAINER_TYPE],
  check: (inputs) => {
    const violations: Violation[] = [];
    for (const { input, namespace } of NAMESPACE_INPUTS) {
      if (inputs[input] === "host") {
        violations.push({
          path: input,
          message: `${input} is "host", sharing the host's ${namespace} namespace; expected a private namespace`,
        });
      }
    }
    return violations;
  },
};
