import { fieldPath } from "../../field-path";
import { RESTRICTED_PROFILES } from "../../profile";
import { Violation } from "../../rule";
import { KubernetesRule } from "../kubernetes-rule";
import { dropAllCapabilities } from "../pod-spec-fixes";
import { describe, listOf, recordOf } from "../../read";
import { isExemptWindowsPod } from "./support/relaxations";
import { containerSecurityContext } from "./support/security-context";

/** PSS restricted "Capabilities": drop ALL, and add nothing but NET_BIND_SERVICE. */
export const capabilitiesRestricted: KubernetesRule = {
  id: "capabilities-restricted",
  title: "Containers must drop ALL capabilities and add at most NET_BIND_SERVICE",
  description: `Dropping ALL leaves a container only the capabilities it asks for; NET_BIND_SERVICE is the one the restricted level lets it add back. "ALL" is matched exactly, as upstream does. Pods with spec.os.name: windows are exempt, as upstream exempts them from v1.25. Upstream runs this check instead of capabilities-baseline at the restricted level; capabilities-baseline names this rule in coveredBy, so a forbidden added capability is reported once, by this rule, unless this rule's finding is exempted.`,
  severity: "error",
  profiles: RESTRICTED_PROFILES,
  target: "kubernetes",
  skipsPod: isExemptWindowsPod,
  overrides: ["capabilities-baseline"],
  references: {
    pss: { level: "restricted", control: "Capabilities", psaCheckId: "capabilities_restricted" },
    cisKubernetes: ["5.2.8", "5.2.9", "5.2.10"],
    kubeLinter: ["drop-net-raw-capability"],
    checkov: ["CKV_K8S_28", "CKV_K8S_37"],
    polaris: ["insecureCapabilities"],
    kyverno: ["disallow-capabilities-strict"],
  },
  remediation:
    'Set securityContext.capabilities.drop: ["ALL"] and remove every entry of capabilities.add except NET_BIND_SERVICE.',
  fix: dropAllCapabilities,
  checkContainer: (container, pod) => {
    if (isExemptWindowsPod(pod)) {
      return [];
    }
    const securityContext = containerSecurityContext(container);
    const capabilities = recordOf(securityContext.fields.capabilities);
    const capabilitiesPath = fieldPath(securityContext.path, "capabilities");
    const violations: Violation[] = [];
    const drop = listOf(capabilities?.drop);
    if (!drop.includes("ALL")) {
      violations.push({
        path: fieldPath(capabilitiesPath, "drop"),
        message: `capabilities.drop is ${describe(capabilities?.drop)}; expected a list that includes "ALL"`,
      });
    }
    listOf(capabilities?.add).forEach((capability, index) => {
      if (capability !== "NET_BIND_SERVICE") {
        violations.push({
          path: fieldPath(capabilitiesPath, "add", index),
          message: `capabilities.add includes ${describe(capability)}; expected only NET_BIND_SERVICE`,
        });
      }
    });
    return violations;
  },
};
