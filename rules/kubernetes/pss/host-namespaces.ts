import { fieldPath } from "../../field-path";
import { BASELINE_PROFILES } from "../../profile";
import { Violation } from "../../rule";
import { KubernetesRule } from "../kubernetes-rule";
import { describe } from "../../read";

const HOST_NAMESPACE_FIELDS = ["hostNetwork", "hostPID", "hostIPC"] as const;

/** PSS baseline "Host Namespaces": `hostNetwork`, `hostPID` and `hostIPC` must be unset or false. */
export const hostNamespaces: KubernetesRule = {
  id: "host-namespaces",
  title: "Pods must not share the host's network, PID or IPC namespace",
  description:
    "A pod in the host's network, process or IPC namespace can reach the node's interfaces, see and signal its processes and read its shared memory. Each of the three fields is reported on its own.",
  severity: "error",
  profiles: BASELINE_PROFILES,
  target: "kubernetes",
  references: {
    pss: { level: "baseline", control: "Host Namespaces", psaCheckId: "hostNamespaces" },
    cisKubernetes: ["5.2.3", "5.2.4", "5.2.5"],
    kubeLinter: ["host-network", "host-pid", "host-ipc"],
    checkov: ["CKV_K8S_17", "CKV_K8S_18", "CKV_K8S_19"],
    polaris: ["hostNetworkSet", "hostPIDSet", "hostIPCSet"],
    kyverno: ["disallow-host-namespaces"],
  },
  remediation: "Remove spec.hostNetwork, spec.hostPID and spec.hostIPC, or set them to false.",
  checkPod: ({ spec, specPath }) => {
    const violations: Violation[] = [];
    for (const field of HOST_NAMESPACE_FIELDS) {
      if (spec[field] === true) {
        violations.push({
          path: fieldPath(specPath, field),
          message: `${field} is ${describe(spec[field])}; expected false or unset`,
        });
      }
    }
    return violations;
  },
};
