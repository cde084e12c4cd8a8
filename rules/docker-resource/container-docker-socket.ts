import { fieldPath } from "../field-path";
import { BASELINE_PROFILES } from "../profile";
import { Violation } from "../rule";
import { DockerResourceRule } from "./docker-resource-rule";
import { DOCKER_CONTAINER_TYPE } from "./resource-types";
import { listOf, recordOf, stringOf } from "../read";

/** Host paths whose mount exposes the Docker daemon socket. */
const SOCKET_EXPOSING_PATHS: ReadonlySet<string> = new Set([
  "/var/run/docker.sock",
  "/run/docker.sock",
  "/var/run",
  "/run",
  "/var",
  "/",
]);

function exposesSocket(hostPath: string | undefined): boolean {
  if (hostPath === undefined) {
    return false;
  }
  const normalized = hostPath.replace(/\/+$/, "") || "/";
  return SOCKET_EXPOSING_PATHS.has(normalized);
}

/** CIS Docker 5.31: a `docker.Container` must not mount the Docker socket. */
export const dockerSocketMount: DockerResourceRule = {
  id: "docker-socket-mount",
  title: "Docker containers must not mount the Docker socket",
  description:
    "Whoever can reach the Docker socket controls the daemon and can start a privileged container: it is root on the host.",
  severity: "error",
  profiles: BASELINE_PROFILES,
  target: "docker-resource",
  references: {
    cisDocker: ["5.31"],
    docs: ["https://docs.docker.com/engine/security/#docker-daemon-attack-surface"],
  },
  remediation:
    "Remove the mount or volume of /var/run/docker.sock (or a directory containing it) from the docker.Container; give tools that need the API a scoped proxy or a rootless daemon instead.",
  resourceTypes: [DOCKER_CONTAINER_TYPE],
  check: (inputs) => {
    const violations: Violation[] = [];
    listOf(inputs.mounts).forEach((item, index) => {
      const mount = recordOf(item);
      const source = stringOf(mount?.source);
      if (mount?.type === "bind" && exposesSocket(source)) {
        violations.push({
          path: fieldPath("mounts", index, "source"),
          message: `bind mount of ${JSON.stringify(source)} exposes the Docker socket; expected no access to the Docker daemon`,
        });
      }
    });
    listOf(inputs.volumes).forEach((item, index) => {
      const hostPath = stringOf(recordOf(item)?.hostPath);
      if (exposesSocket(hostPath)) {
        violations.push({
          path: fieldPath("volumes", index, "hostPath"),
          message: `host path ${JSON.stringify(hostPath)} exposes the Docker socket; expected no access to the Docker daemon`,
        });
      }
    });
    return violations;
  },
};
