import { HARDENED_PROFILES } from "../../profile";
import { finalInstructions } from "../support/ancestry";
import { DockerfileRule, DockerfileViolation, violationAt } from "../dockerfile-rule";
import { nonRootFinalUser } from "../support/final-stage";
import { exposedPorts } from "../support/exposed-ports";

/** A non-root final stage does not expose ports below 1024. */
export const dockerfilePrivilegedPort: DockerfileRule = {
  id: "dockerfile-privileged-port",
  title: "A non-root final stage should not expose privileged ports (below 1024)",
  description:
    "A non-root process can only bind a port below 1024 with NET_BIND_SERVICE, which hardened workloads drop, or where the runtime lowers ip_unprivileged_port_start (Docker does, Kubernetes does not). Port 22 is reported by dockerfile-expose-ssh.",
  severity: "warning",
  profiles: HARDENED_PROFILES,
  target: "dockerfile",
  references: {
    docs: [
      "https://kubernetes.io/docs/tasks/configure-pod-container/security-context/#set-capabilities-for-a-container",
    ],
  },
  remediation:
    "Listen on a port of 1024 or above (8080 instead of 80, 8443 instead of 443) and map it in the Service or port binding.",
  check: (model) => {
    const user = nonRootFinalUser(model);
    if (user === undefined) {
      return [];
    }
    return finalInstructions(model)
      .filter((i) => i.keyword === "EXPOSE")
      .flatMap((i): DockerfileViolation[] =>
        exposedPorts(i)
          .filter((p) => p.low < 1024 && !(p.low === 22 && p.high === 22))
          .map((p) =>
            violationAt(
              model,
              i,
              `EXPOSE ${p.text} is a privileged port, but the final stage runs as ${user.value}, which cannot bind it without NET_BIND_SERVICE; expected a port of 1024 or above`,
            ),
          ),
      );
  },
};
