import { KubernetesRule } from "../../rules/kubernetes/kubernetes-rule";
import { applyFixes } from "../../rules/kubernetes/pod-spec-fixes";
import { KUBERNETES_RULES } from "../../rules/kubernetes/rules";
import { CommonSecurityContext } from "../../rules/kubernetes/types";

type Plain = Record<string, unknown>;

/** The securityContext fields a container inherits from its pod's (`CommonSecurityContext`). */
const INHERITED_FROM_POD: Readonly<Record<keyof CommonSecurityContext, true>> = {
  runAsNonRoot: true,
  runAsUser: true,
  runAsGroup: true,
  seccompProfile: true,
  appArmorProfile: true,
  seLinuxOptions: true,
  windowsOptions: true,
};

/** The settings the rules' fixes ask for, placed where the hardened components write them. */
export interface RuleFixDefaults {
  /**
   * Pod securityContext fields: those a fix sets on the pod, and those a fix sets on every
   * container that a container inherits from the pod, so that one pod-level override (or `null`)
   * governs every container.
   */
  readonly podSecurityContext: Plain;
  /** Container securityContext fields that exist at container level only. */
  readonly containerSecurityContext: Plain;
  /** Other pod spec fields, such as `automountServiceAccountToken`. */
  readonly podSpec: Plain;
}

function isPlain(value: unknown): value is Plain {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * What the fixes of `rules` (`KubernetesRule.fix`) ask of a pod: each applied in turn to a pod
 * with one bare container, then split by where the components write the result. Fields a fix
 * writes outside a securityContext of the container are not taken; the component tests prove
 * that the defaults still satisfy every rule with a fix.
 *
 * @default rules: every Kubernetes rule
 */
export function ruleFixDefaults(
  rules: readonly KubernetesRule[] = KUBERNETES_RULES,
): RuleFixDefaults {
  const fixes = rules.flatMap((rule) => (rule.fix ? [rule.fix] : []));
  const { containers, securityContext, ...podSpec } = applyFixes({ containers: [{}] }, fixes);
  const container = Array.isArray(containers) && isPlain(containers[0]) ? containers[0] : {};
  const inherited: Plain = {};
  const containerOnly: Plain = {};
  for (const [field, value] of Object.entries(
    isPlain(container.securityContext) ? container.securityContext : {},
  )) {
    (Object.hasOwn(INHERITED_FROM_POD, field) ? inherited : containerOnly)[field] = value;
  }
  return {
    podSecurityContext: { ...inherited, ...(isPlain(securityContext) ? securityContext : {}) },
    containerSecurityContext: containerOnly,
    podSpec,
  };
}
