import { fieldPath } from "../../field-path";
import { BASELINE_PROFILES } from "../../profile";
import { KubernetesRule } from "../kubernetes-rule";
import { containerSecurityContext } from "./support/security-context";

/** PSS baseline "Privileged Containers": `securityContext.privileged` must be unset or false. */
export const privileged: KubernetesRule = {
  id: "privileged",
  title: "Containers must not be privileged",
  description:
    "A privileged container has every capability and full access to the host's devices; it can take over the node.",
  severity: "error",
  profiles: BASELINE_PROFILES,
  target: "kubernetes",
  references: {
    pss: { level: "baseline", control: "Privileged Containers", psaCheckId: "privileged" },
    cisKubernetes: ["5.2.2"],
    kubeLinter: ["privileged-container"],
    checkov: ["CKV_K8S_16"],
    polaris: ["runAsPrivileged"],
    kyverno: ["disallow-privileged-containers"],
  },
  remediation: "Remove securityContext.privileged or set it to false.",
  checkContainer: (container) => {
    const securityContext = containerSecurityContext(container);
    return securityContext.fields.privileged === true
      ? [
          {
            path: fieldPath(securityContext.path, "privileged"),
            message: "privileged is true; expected false or unset",
          },
        ]
      : [];
  },
};
