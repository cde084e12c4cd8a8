import { fieldPath } from "../../field-path";
import { BASELINE_PROFILES } from "../../profile";
import { Violation } from "../../rule";
import { KubernetesRule } from "../kubernetes-rule";
import { listOf, numberOf, recordOf } from "../../read";

/** PSS baseline "Host Ports": `ports[*].hostPort` must be unset or 0 in every container list. */
export const hostPorts: KubernetesRule = {
  id: "host-ports",
  title: "Containers must not bind host ports",
  description:
    "A host port binds the container to the node's network interfaces, bypassing Services and NetworkPolicies and pinning the pod to nodes where the port is free. hostPort 0 means no host port and is allowed; init and ephemeral containers are checked too.",
  severity: "error",
  profiles: BASELINE_PROFILES,
  target: "kubernetes",
  references: {
    pss: { level: "baseline", control: "Host Ports", psaCheckId: "hostPorts" },
    cisKubernetes: ["5.2.13"],
    checkov: ["CKV_K8S_26"],
    polaris: ["hostPortSet"],
    kyverno: ["disallow-host-ports"],
  },
  remediation: "Remove hostPort from the container's ports and expose the port through a Service.",
  checkContainer: ({ container, path }) => {
    const violations: Violation[] = [];
    listOf(container.ports).forEach((port, index) => {
      const hostPort = numberOf(recordOf(port)?.hostPort);
      if (hostPort !== undefined && hostPort !== 0) {
        violations.push({
          path: fieldPath(path, "ports", index, "hostPort"),
          message: `hostPort is ${hostPort}; expected 0 or unset`,
        });
      }
    });
    return violations;
  },
};
