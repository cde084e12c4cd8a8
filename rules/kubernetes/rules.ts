import { exemptionReasonRequired } from "./exemption-reason-required";
import { HARDENED_EXTRA_RULES } from "./extras";
import { fieldTypes } from "./field-types/field-types-rule";
import { KubernetesRule } from "./kubernetes-rule";
import { PSS_RULES } from "./pss";

/**
 * Every Kubernetes workload rule: the input check of field types, the Pod Security Standards, then
 * the hardened extras.
 */
export const KUBERNETES_RULES: readonly KubernetesRule[] = [
  fieldTypes,
  ...PSS_RULES,
  ...HARDENED_EXTRA_RULES,
  exemptionReasonRequired,
];
