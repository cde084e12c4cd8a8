import { Exemption, ExemptionSource, applyGovernedExemptions } from "../exemptions/exemption";
import { Finding } from "../finding";
import { DEFAULT_PROFILE, Profile } from "../profile";
import { Violation } from "../rule";
import { skippingUnknowns } from "../unknown";
import { KubernetesRule } from "./kubernetes-rule";
import { KubernetesRuleOptions, resolveKubernetesRuleOptions } from "./options";
import { dropCoveredFindings } from "./covered-findings";
import { exemptionReasonRequired } from "./exemption-reason-required";
import { PodContext, podContextOf } from "./pod-context";
import { argoWorkflowPods, isArgoWorkflow } from "./argo-workflows";
import { KUBERNETES_RULES } from "./rules";
import { KubernetesObject } from "./types";
import { workloadExemptions } from "./workload-exemptions";
import { PodTemplateKind, workloadShapeOf } from "./pod-templates";

/** What to evaluate a workload against. */
export interface KubernetesEvaluation {
  /**
   * The profile whose rules run.
   * @default hardened
   */
  readonly profile?: Profile;
  /** Rule settings. */
  readonly options?: KubernetesRuleOptions;
  /**
   * The rules to run, when not every rule of the profile.
   * @default every Kubernetes rule of the profile
   */
  readonly rules?: readonly KubernetesRule[];
  /**
   * Exemptions from outside the object (a config file, policy pack config) that apply to it; the
   * object's own `hardened.dev/exempt` annotations are always read as well.
   * @default []
   */
  readonly exemptions?: readonly Exemption[];
  /**
   * Further kinds that carry a pod template, beyond the core workloads and
   * `BUILT_IN_POD_TEMPLATES`; they win over the built-in ones.
   * @default []
   */
  readonly podTemplates?: readonly PodTemplateKind[];
  /**
   * Where the object's own exemption annotations came from: `args` when a pulumi-hardened
   * component wrote them.
   * @default annotations
   */
  readonly inlineSource?: ExemptionSource;
  /**
   * Decides whether an exemption is honoured for the object (in `namespace`): undefined when it
   * is, otherwise why not (see `refusalOf` in `exemptions/governance`). A finding covered only by refused exemptions stays
   * open and carries the refusal.
   * @default every exemption is honoured
   */
  readonly refusalOf?: (exemption: Exemption, namespace: string | null) => string | undefined;
}

const KUBERNETES_RULE_IDS: ReadonlySet<string> = new Set(KUBERNETES_RULES.map((r) => r.id));

/**
 * Evaluates one Kubernetes object. Objects that are not workloads (core, built-in pod-template
 * kinds, `podTemplates` or Argo Workflows kinds, whose every container template is a pod) yield
 * no findings. A rule that
 * reads a value that is not known yet is skipped for that pod or container. Findings covered by an
 * exemption are kept, marked `exempted` with the reason; invalid exemption annotations are
 * reported as `exemption-reason-required`.
 */
export function evaluateWorkload(
  object: KubernetesObject,
  evaluation: KubernetesEvaluation = {},
): Finding[] {
  const kind = object.kind;
  if (typeof kind !== "string") {
    return [];
  }
  const options = resolveKubernetesRuleOptions(evaluation.options);
  if (isArgoWorkflow(object)) {
    const seen = new Set<string>();
    return argoWorkflowPods(object, options)
      .flatMap(({ pod, realPath }) =>
        evaluatePod(object, kind, pod, evaluation).map((f) => ({ ...f, path: realPath(f.path) })),
      )
      .filter((f) => {
        // A field of the workflow spec is in every template's pod: reported once.
        const key = JSON.stringify(f);
        if (seen.has(key)) {
          return false;
        }
        seen.add(key);
        return true;
      });
  }
  const shape = workloadShapeOf(object, evaluation.podTemplates);
  if (shape === undefined) {
    return [];
  }
  return evaluatePod(object, kind, podContextOf(object, kind, options, shape), evaluation);
}

/** The profile's rules of each rule list seen, filtered once per list and profile. */
const PROFILE_RULES = new WeakMap<readonly KubernetesRule[], Map<Profile, KubernetesRule[]>>();

/** The rules of `rules` in `profile`, in their order. */
function profileRules(rules: readonly KubernetesRule[], profile: Profile): KubernetesRule[] {
  const byProfile = PROFILE_RULES.get(rules) ?? new Map<Profile, KubernetesRule[]>();
  PROFILE_RULES.set(rules, byProfile);
  const known = byProfile.get(profile);
  if (known !== undefined) {
    return known;
  }
  const filtered = rules.filter((r) => r.profiles.includes(profile));
  byProfile.set(profile, filtered);
  return filtered;
}

/** The findings of the rules of the evaluation's profile on one pod of `object`. */
function evaluatePod(
  object: KubernetesObject,
  kind: string,
  pod: PodContext,
  evaluation: KubernetesEvaluation,
): Finding[] {
  const rules = profileRules(
    evaluation.rules ?? KUBERNETES_RULES,
    evaluation.profile ?? DEFAULT_PROFILE,
  );
  const metadata = object.metadata ?? {};
  const identity = {
    kind,
    name: typeof metadata.name === "string" ? metadata.name : undefined,
    namespace: typeof metadata.namespace === "string" ? metadata.namespace : null,
  };
  const findings: Finding[] = [];
  const add = (
    rule: KubernetesRule,
    violations: readonly Violation[],
    container: string | null,
  ) => {
    for (const v of violations) {
      findings.push({
        ruleId: rule.id,
        severity: rule.severity,
        message: v.message,
        path: v.path,
        container: v.container === undefined ? container : v.container,
        ...identity,
      });
    }
  };
  const overridden = new Set(
    rules.flatMap((r) => (r.skipsPod?.(pod) === true ? (r.overrides ?? []) : [])),
  );
  for (const rule of rules.filter((r) => !overridden.has(r.id))) {
    const { checkPod, checkContainer } = rule;
    if (checkPod) {
      add(
        rule,
        skippingUnknowns(() => checkPod(pod)),
        null,
      );
    }
    if (checkContainer) {
      for (const c of pod.containers) {
        add(
          rule,
          skippingUnknowns(() => checkContainer(c, pod)),
          c.name,
        );
      }
    }
  }
  const declared = workloadExemptions(pod, (id) => KUBERNETES_RULE_IDS.has(id));
  add(exemptionReasonRequired, declared.problems, null);
  const inlineSource = evaluation.inlineSource ?? "annotations";
  const exemptions = [
    ...declared.exemptions.map((e) => ({ ...e, source: inlineSource })),
    ...(evaluation.exemptions ?? []).map((e) => ({ ...e, source: e.source ?? "config" })),
  ];
  return dropCoveredFindings(
    applyGovernedExemptions(findings, exemptions, (e) =>
      evaluation.refusalOf?.(e, identity.namespace),
    ),
    rules,
  );
}
