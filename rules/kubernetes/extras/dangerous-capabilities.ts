import { HARDENED_PROFILES } from "../../profile";
import { Violation } from "../../rule";
import { KubernetesRule } from "../kubernetes-rule";
import { capabilityEntries } from "./support/capabilities";
import { DANGEROUS_CAPABILITIES } from "./support/dangerous-capability-reasons";
import { isWindowsPod } from "./support/linux-only";

/** Hardened extra: no container adds a capability that opens a path to the node. */
export const dangerousCapabilities: KubernetesRule = {
  id: "dangerous-capabilities",
  title: "Containers must not add dangerous capabilities",
  description: `Names why an added capability is dangerous: ${[...DANGEROUS_CAPABILITIES.keys()].join(", ")} (NET_RAW is drop-net-raw's). Names are read as the runtimes read them: case-insensitive, with or without CAP_. PSS capabilities-baseline and capabilities-restricted reject the same entries with the same fix (remove it) but without the why, so in the hardened profile this finding replaces theirs at that capabilities.add entry, and the problem is reported once; when this finding is exempted theirs shows, and must be exempted too. Visits init, regular and ephemeral containers; Windows pods are skipped.`,
  severity: "error",
  profiles: HARDENED_PROFILES,
  target: "kubernetes",
  references: {
    cisKubernetes: ["5.2.9"],
    checkov: ["CKV_K8S_39"],
    polaris: ["dangerousCapabilities"],
    trivy: ["KSV005"],
    docs: ["https://man7.org/linux/man-pages/man7/capabilities.7.html"],
  },
  remediation:
    "Remove the capability from securityContext.capabilities.add; give the work that needs it to a separate, reviewed and exempted component, or use a narrower capability.",
  covers: ["capabilities-baseline", "capabilities-restricted"],
  checkContainer: (ctx, pod) => {
    if (isWindowsPod(pod)) {
      return [];
    }
    const violations: Violation[] = [];
    for (const entry of capabilityEntries(ctx, "add")) {
      const reason = entry.name === undefined ? undefined : DANGEROUS_CAPABILITIES.get(entry.name);
      if (reason !== undefined) {
        violations.push({
          path: entry.path,
          message: `capabilities.add includes ${JSON.stringify(entry.raw)}: ${reason}; expected it not to be added`,
        });
      }
    }
    return violations;
  },
};
