import { Finding } from "../finding";
import { KubernetesRule } from "./kubernetes-rule";

/** True when `a` and `b` are the same field path or one is a field inside the other. */
export function isSameOrNestedPath(a: string, b: string): boolean {
  const within = (inner: string, outer: string) =>
    inner.startsWith(`${outer}.`) || inner.startsWith(`${outer}[`);
  return a === b || within(a, b) || within(b, a);
}

/**
 * Drops the findings that another rule's finding already reports, so that one problem yields one
 * finding. A finding is dropped when a finding that no exemption covers, for the same container
 * (or both for the pod) at the same field path or one nested in it, comes from a rule its own rule
 * names in `coveredBy`, or from a rule that names its rule in `covers`. An exempted finding never
 * covers another: when the covering finding is exempted, or its rule is not evaluated, the
 * covered finding stands.
 */
export function dropCoveredFindings(
  findings: readonly Finding[],
  rules: readonly KubernetesRule[],
): Finding[] {
  const coveredBy = coveringRules(rules);
  return findings.filter((finding) => {
    const stronger = coveredBy.get(finding.ruleId);
    return (
      stronger === undefined ||
      !findings.some(
        (other) =>
          stronger.has(other.ruleId) &&
          !other.exempted &&
          other.container === finding.container &&
          isSameOrNestedPath(other.path, finding.path),
      )
    );
  });
}

/** `coveringRules` of each rule list seen, computed once per list. */
const COVERING = new WeakMap<readonly KubernetesRule[], ReadonlyMap<string, ReadonlySet<string>>>();

/** For each rule id, the ids of the rules among `rules` whose findings cover its findings. */
function coveringRules(rules: readonly KubernetesRule[]): ReadonlyMap<string, ReadonlySet<string>> {
  const known = COVERING.get(rules);
  if (known !== undefined) {
    return known;
  }
  const coveredBy = new Map<string, Set<string>>();
  const relate = (weaker: string, stronger: string) => {
    const set = coveredBy.get(weaker) ?? new Set<string>();
    set.add(stronger);
    coveredBy.set(weaker, set);
  };
  for (const rule of rules) {
    (rule.coveredBy ?? []).forEach((id) => relate(rule.id, id));
    (rule.covers ?? []).forEach((id) => relate(id, rule.id));
  }
  COVERING.set(rules, coveredBy);
  return coveredBy;
}
