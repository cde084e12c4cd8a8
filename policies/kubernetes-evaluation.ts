import { ResourceValidationArgs } from "@pulumi/policy";
import { applyGovernedExemptions } from "../rules/exemptions/exemption";
import { Finding } from "../rules/finding";
import { evaluateWorkload } from "../rules/kubernetes/evaluate";
import { exemptionReasonRequired } from "../rules/kubernetes/exemption-reason-required";
import { KubernetesRule } from "../rules/kubernetes/kubernetes-rule";
import { exemptionsForResource } from "./exemptions";
import { kubernetesObjectOf } from "./kubernetes-resources";
import { rawProperties } from "./raw-properties";
import { inlineSourceOf, packRefusalOf, policySettings } from "./pack-section";
import { PackSettings } from "./settings";
import { isSharedAnalyzeProperties } from "./shared-deserialization";
import { knownOrUndefined } from "../rules/unknown";
import { redactSecrets, secretsOf } from "./secret-values";
import { holdsUnknownsOrSecrets, unknownsAsRuleErrors } from "./unknowns";

/** What a policy hands to the evaluator: the parts of `ResourceValidationArgs` it reads. */
export type KubernetesResourceArgs = Pick<
  ResourceValidationArgs,
  "type" | "props" | "urn" | "name" | "getConfig"
>;

/** One evaluation of a group of rules on a resource, shared by the group's policies. */
interface GroupEvaluation {
  /** The findings of every rule of the group, exempted by annotations only; undefined when an unknown value stopped it. */
  readonly findings: readonly Finding[] | undefined;
  /** Kind, name and namespace of the resource, for configured exemptions. */
  readonly identity: { kind: string; name: string; namespace: string | null; urn: string };
}

/** True when one of the rules drops the other's findings (`coveredBy`, `covers`). */
function related(a: KubernetesRule, b: KubernetesRule): boolean {
  return (
    (a.coveredBy ?? []).includes(b.id) ||
    (a.covers ?? []).includes(b.id) ||
    (b.coveredBy ?? []).includes(a.id) ||
    (b.covers ?? []).includes(a.id)
  );
}

/** A group of rules evaluated together; `shareable` is false for a rule that must stay alone. */
interface RuleGroup {
  readonly rules: KubernetesRule[];
  readonly shareable: boolean;
}

/**
 * Splits rules into groups of unrelated rules: evaluating a group together drops no finding
 * (no rule of the group covers another), so each rule's findings are exactly those it yields on
 * its own. A rule related to itself or to `exemption-reason-required` (whose findings every
 * evaluation carries) is not shareable: it is evaluated alone, with its configured exemptions, as
 * `evaluateWorkload` would drop its findings depending on them.
 */
function unrelatedGroups(rules: readonly KubernetesRule[]): RuleGroup[] {
  const groups: RuleGroup[] = [];
  for (const rule of rules) {
    const shareable = !related(rule, rule) && !related(rule, exemptionReasonRequired);
    const group = shareable
      ? groups.find((g) => g.shareable && g.rules.every((r) => !related(r, rule)))
      : undefined;
    if (group === undefined) {
      groups.push({ rules: [rule], shareable });
    } else {
      group.rules.push(rule);
    }
  }
  return groups;
}

/** What a group's evaluation depends on besides the resource: the profile and the rule options. */
function settingsKey(group: RuleGroup, settings: PackSettings): string {
  const { pssVersion, minUid, allowedRegistries } = settings.options;
  const registries = allowedRegistries.length === 0 ? "" : JSON.stringify(allowedRegistries);
  const governance =
    Object.keys(settings.governance).length === 0 ? "" : JSON.stringify(settings.governance);
  return `${group.rules[0].id} ${settings.profile} ${pssVersion.label} ${minUid} ${registries} ${governance}`;
}

/**
 * Evaluates the Kubernetes rules of the pack on workload resources for their policies. Each
 * policy asks for its own rule's findings, with its own settings; they are the findings
 * `evaluateWorkload` gives for that rule alone. When `@pulumi/policy` hands every policy the same
 * properties object for a request (see `shareAnalyzeDeserialization`), the rules are evaluated
 * once per group of unrelated rules and settings, and the result is kept with that object for the
 * request's other policies, so a policy's own cost stays small whatever the number of rules.
 */
export class KubernetesResourceEvaluator {
  private readonly groupOf = new Map<string, RuleGroup>();
  private readonly results = new WeakMap<object, Map<string, GroupEvaluation>>();

  /** @param rules every Kubernetes rule that has a policy in the pack. */
  constructor(rules: readonly KubernetesRule[]) {
    for (const group of unrelatedGroups(rules)) {
      for (const rule of group.rules) {
        this.groupOf.set(rule.id, group);
      }
    }
  }

  /**
   * The findings of `rule` on the resource of `args`, exempted ones marked, read with the policy's
   * settings. Empty for a rule outside the configured profile, and when a value the evaluation
   * needs is not known yet. Properties that did not come from the shared deserialization (those of
   * remediations, which remediations change) are evaluated for this rule alone, keeping nothing.
   */
  evaluate(rule: KubernetesRule, args: KubernetesResourceArgs): Finding[] {
    const settings = policySettings(rule.id, args.getConfig());
    if (!rule.profiles.includes(settings.profile)) {
      return [];
    }
    const group = this.groupOf.get(rule.id);
    const evaluation =
      group !== undefined && group.shareable && isSharedAnalyzeProperties(rawProperties(args.props))
        ? this.sharedEvaluation(group, args, settings)
        : evaluateRules([rule], args, settings, rule.id);
    const findings = evaluation.findings ?? [];
    const exemptions = exemptionsForResource(settings.exemptions, rule.id, evaluation.identity);
    const refusal = packRefusalOf(settings, evaluation.identity.namespace);
    return findings
      .filter((f) => f.ruleId === rule.id)
      .map((f) =>
        f.exempted || exemptions.length === 0
          ? f
          : applyGovernedExemptions([f], exemptions, refusal)[0],
      );
  }

  private sharedEvaluation(
    group: RuleGroup,
    args: KubernetesResourceArgs,
    settings: PackSettings,
  ): GroupEvaluation {
    const props = rawProperties(args.props);
    let byKey = this.results.get(props);
    if (byKey === undefined) {
      byKey = new Map();
      this.results.set(props, byKey);
    }
    const key = settingsKey(group, settings);
    let evaluation = byKey.get(key);
    if (evaluation === undefined) {
      evaluation = evaluateRules(group.rules, args, settings);
      byKey.set(key, evaluation);
    }
    return evaluation;
  }
}

/**
 * Evaluates `rules` on the resource with the profile and options of `settings`. With `exemptFor`,
 * the configured exemptions of that rule apply, as for a rule evaluated alone, and values are read
 * through the unknown-checking proxy; without, only the resource's own annotations do (each policy
 * applies its configured exemptions afterwards), and properties that hold no unknown value and no
 * secret are read as they are, since the proxy would read them the same.
 */
function evaluateRules(
  rules: readonly KubernetesRule[],
  args: KubernetesResourceArgs,
  settings: PackSettings,
  exemptFor?: string,
): GroupEvaluation {
  const raw = rawProperties(args.props);
  const props =
    exemptFor === undefined && !holdsUnknownsOrSecrets(raw) ? raw : unknownsAsRuleErrors(raw);
  const object = kubernetesObjectOf(args.type, props);
  const metadata = knownOrUndefined(() => object.metadata);
  const identity = {
    kind: String(object.kind),
    name: knownOrUndefined(() => metadata?.name) ?? args.name,
    namespace: knownOrUndefined(() => metadata?.namespace) ?? null,
    urn: args.urn,
  };
  const findings = knownOrUndefined(() =>
    evaluateWorkload(object, {
      profile: settings.profile,
      options: settings.options,
      podTemplates: settings.podTemplates,
      rules,
      exemptions:
        exemptFor === undefined
          ? []
          : exemptionsForResource(settings.exemptions, exemptFor, identity),
      inlineSource: inlineSourceOf(args.urn),
      refusalOf: packRefusalOf(settings, identity.namespace),
    }),
  );
  return {
    findings: findings === undefined ? undefined : redactSecrets(findings, secretsOf(raw)),
    identity,
  };
}
