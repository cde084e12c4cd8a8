import { fieldPath } from "../../field-path";
import { RESTRICTED_PROFILES } from "../../profile";
import { KubernetesRule } from "../kubernetes-rule";
import { disallowPrivilegeEscalation } from "../pod-spec-fixes";
import { describe } from "../../read";
import { isExemptWindowsPod } from "./support/relaxations";
import { containerSecurityContext } from "./support/security-context";

/** PSS restricted "Privilege Escalation": `allowPrivilegeEscalation` must be explicitly false. */
export const allowPrivilegeEscalation: KubernetesRule = {
  id: "allow-privilege-escalation",
  title: "Containers must set allowPrivilegeEscalation: false",
  description:
    "Unless allowPrivilegeEscalation is explicitly false, a process can gain more privileges than its parent through setuid binaries or file capabilities; unset means true. There is no pod-level default, so every container, init container and ephemeral container must set it. Pods with spec.os.name: windows are exempt, as upstream exempts them from v1.25.",
  severity: "error",
  profiles: RESTRICTED_PROFILES,
  target: "kubernetes",
  references: {
    pss: {
      level: "restricted",
      control: "Privilege Escalation",
      psaCheckId: "allowPrivilegeEscalation",
    },
    cisKubernetes: ["5.2.6"],
    kubeLinter: ["privilege-escalation-container"],
    checkov: ["CKV_K8S_20"],
    polaris: ["privilegeEscalationAllowed"],
    kyverno: ["disallow-privilege-escalation"],
  },
  remediation: "Set securityContext.allowPrivilegeEscalation: false on every container.",
  fix: disallowPrivilegeEscalation,
  checkContainer: (container, pod) => {
    if (isExemptWindowsPod(pod)) {
      return [];
    }
    const securityContext = containerSecurityContext(container);
    const value = securityContext.fields.allowPrivilegeEscalation;
    return value === false
      ? []
      : [
          {
            path: fieldPath(securityContext.path, "allowPrivilegeEscalation"),
            message: `allowPrivilegeEscalation is ${describe(value)}${value === undefined || value === null ? " (which means true)" : ""}; expected false`,
          },
        ];
  },
};
