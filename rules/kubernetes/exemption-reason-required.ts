import { BASELINE_PROFILES } from "../profile";
import { EXEMPT_ANNOTATION, EXEMPT_REASON_ANNOTATION } from "../exemptions/annotations";
import { KubernetesRule } from "./kubernetes-rule";

/**
 * An exemption annotation must be valid and carry a reason. This is the one rule outside the Pod
 * Security Standards that every profile has: an exemption that cannot be honoured must not pass
 * silently in any profile. `evaluateWorkload` reports it while it reads the exemptions.
 */
export const exemptionReasonRequired: KubernetesRule = {
  id: "exemption-reason-required",
  title: "Exemptions must name known rules and give a reason",
  description: `A ${EXEMPT_ANNOTATION} annotation without ${EXEMPT_REASON_ANNOTATION}, or naming no known rule, is not honoured and is reported so it is fixed rather than ignored.`,
  severity: "error",
  profiles: BASELINE_PROFILES,
  target: "kubernetes",
  references: {
    docs: ["https://kubernetes.io/docs/concepts/security/pod-security-admission/#exemptions"],
  },
  remediation: `Set ${EXEMPT_REASON_ANNOTATION} to why the exemption is needed, and list rules as "<rule-id>" or "<rule-id>:<container>" in ${EXEMPT_ANNOTATION}.`,
};
