import { Finding } from "../finding";
import { KubernetesRule } from "./kubernetes-rule";

/** True when `a` and `b` are the same field path or one is a field inside the other. */
export function isSameOrNestedPath(a: string, b: string): boolean {
  const within = (inner: string, outer: string) =>
    inner.startsWith(`${outer}.`) || inner.startsWith(`${outer}[`);
  return a === b || within(a, b) || within(b, a);
}

/**
 * Drops the findings that a stronger rule already reports, so that one problem yields one finding.
 * A finding of a rule with `coveredBy` is dropped when a rule it names has a finding that no
 * exemption covers, for the same container (or both for the pod) at the same field path or one
 * nested in it. When the stronger finding is exempted, or its rule is not evaluated, the weaker
 * rule's finding stays: that is what it is for.
 */
export function dropCoveredFindings(
  findings: readonly Finding[],
  rules: readonly KubernetesRule[],
): Finding[] {
  const coveredBy = new Map(rules.map((r) => [r.id, r.coveredBy ?? []]));
  return findings.filter((finding) => {
    const stronger = coveredBy.get(finding.ruleId) ?? [];
    return !findings.some(
      (other) =>
        stronger.includes(other.ruleId) &&
        !other.exempted &&
        other.container === finding.container &&
        isSameOrNestedPath(other.path, finding.path),
    );
  });
}
