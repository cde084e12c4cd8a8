import { fieldPath } from "../../field-path";
import { BASELINE_PROFILES } from "../../profile";
import { Violation } from "../../rule";
import { KubernetesRule } from "../kubernetes-rule";
import { describe, listOf, recordOf } from "../../read";
import { describeSafeSysctls, safeSysctls } from "./support/safe-sysctls";
import { podSecurityContext } from "./support/security-context";

/** PSS baseline "Sysctls": pod sysctls must be in the version's safe set. */
export const sysctls: KubernetesRule = {
  id: "sysctls",
  title: "Pods may only set namespaced, safe sysctls",
  description: `Sysctls outside the safe set can disable security mechanisms or affect every pod on the node. The safe set grows with the version: ${describeSafeSysctls()}.`,
  severity: "error",
  profiles: BASELINE_PROFILES,
  target: "kubernetes",
  references: {
    pss: { level: "baseline", control: "Sysctls", psaCheckId: "sysctls" },
    kubeLinter: ["unsafe-sysctls"],
    kyverno: ["restrict-sysctls"],
  },
  remediation:
    "Remove the sysctl from spec.securityContext.sysctls, or set it on the nodes (for example with a tuning DaemonSet) if the workload truly needs it.",
  checkPod: (pod) => {
    const securityContext = podSecurityContext(pod);
    const allowed = safeSysctls(pod.options.pssVersion);
    const violations: Violation[] = [];
    listOf(securityContext.fields.sysctls).forEach((sysctl, index) => {
      const name = recordOf(sysctl)?.name;
      if (typeof name !== "string" || !allowed.has(name)) {
        violations.push({
          path: fieldPath(securityContext.path, "sysctls", index, "name"),
          message: `sysctl ${describe(name)} is not in the safe set of Pod Security Standards ${pod.options.pssVersion.label}; expected one of ${[...allowed].join(", ")}`,
        });
      }
    });
    return violations;
  },
};
