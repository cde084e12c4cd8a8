import { fieldPath } from "../../field-path";
import { BASELINE_PROFILES } from "../../profile";
import { Violation } from "../../rule";
import { KubernetesRule } from "../kubernetes-rule";
import { describe, listOf, recordOf } from "../../read";
import { containerSecurityContext } from "./support/security-context";

/** The capabilities the baseline level lets a container add: the container runtimes' defaults. */
const BASELINE_ALLOWED_CAPABILITIES: ReadonlySet<string> = new Set([
  "AUDIT_WRITE",
  "CHOWN",
  "DAC_OVERRIDE",
  "FOWNER",
  "FSETID",
  "KILL",
  "MKNOD",
  "NET_BIND_SERVICE",
  "SETFCAP",
  "SETGID",
  "SETPCAP",
  "SETUID",
  "SYS_CHROOT",
]);

/** PSS baseline "Capabilities": `capabilities.add` may only name the runtime's default set. */
export const capabilitiesBaseline: KubernetesRule = {
  id: "capabilities-baseline",
  title: "Containers must not add capabilities beyond the runtime's default set",
  description:
    "Capabilities such as NET_RAW, SYS_ADMIN or SYS_PTRACE give a container powers a normal workload never needs and that attackers use to escape. Each added capability outside the baseline set is reported at its index in capabilities.add.",
  severity: "error",
  profiles: BASELINE_PROFILES,
  target: "kubernetes",
  references: {
    pss: { level: "baseline", control: "Capabilities", psaCheckId: "capabilities_baseline" },
    cisKubernetes: ["5.2.9"],
    checkov: ["CKV_K8S_25", "CKV_K8S_39"],
    polaris: ["dangerousCapabilities"],
    kyverno: ["disallow-capabilities"],
  },
  coveredBy: ["capabilities-restricted"],
  remediation: `Remove the capability from securityContext.capabilities.add; only ${[...BASELINE_ALLOWED_CAPABILITIES].join(", ")} may be added.`,
  checkContainer: (container) => {
    const securityContext = containerSecurityContext(container);
    const addPath = fieldPath(securityContext.path, "capabilities", "add");
    const violations: Violation[] = [];
    listOf(recordOf(securityContext.fields.capabilities)?.add).forEach((capability, index) => {
      if (typeof capability !== "string" || !BASELINE_ALLOWED_CAPABILITIES.has(capability)) {
        violations.push({
          path: fieldPath(addPath, index),
          message: `capabilities.add includes ${describe(capability)}; expected only capabilities from the baseline set (${[...BASELINE_ALLOWED_CAPABILITIES].join(", ")})`,
        });
      }
    });
    return violations;
  },
};
