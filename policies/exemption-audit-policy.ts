import { ResourceValidationPolicy } from "@pulumi/policy";
import { Finding } from "../rules/finding";
import { KubernetesRule } from "../rules/kubernetes/kubernetes-rule";
import { configuredPolicies } from "./configured-levels";
import { KubernetesResourceArgs, KubernetesResourceEvaluator } from "./kubernetes-evaluation";
import { isKubernetesWorkloadType } from "./kubernetes-resources";
import { PACK_SECTION, enforcementLevelOf } from "./pack-section";
import { settingsSchema } from "./settings";

function describe(f: Finding): string {
  const container = f.container === null ? "" : `container "${f.container}": `;
  return `"${f.ruleId}" exempted by ${f.exemptionSource ?? "config"} (reason: ${f.exemptionReason}): ${container}${f.path}: ${f.message}`;
}

/**
 * The findings of every enabled Kubernetes policy on one resource that an exemption covers, each
 * read with that policy's own settings (or, before the engine configured the pack, with `own`).
 */
export function exemptedFindings(
  rules: readonly KubernetesRule[],
  evaluator: KubernetesResourceEvaluator,
  args: KubernetesResourceArgs,
): Finding[] {
  const configured = configuredPolicies();
  const exempted: Finding[] = [];
  for (const rule of rules) {
    if (enforcementLevelOf(rule.id) === "disabled") {
      continue;
    }
    const own =
      configured === undefined ? args.getConfig() : (configured.get(rule.id)?.properties ?? {});
    const getConfig = (() => ({ ...own })) as KubernetesResourceArgs["getConfig"];
    const ruleArgs: KubernetesResourceArgs = { ...args, getConfig };
    exempted.push(...evaluator.evaluate(rule, ruleArgs).filter((f) => f.exempted));
  }
  return exempted;
}

/**
 * The `hardened` policy: its configuration is the pack-level section every policy reads (same
 * schema as a policy's own settings, validated by the engine), and it reports each honoured
 * exemption of a Kubernetes workload as an advisory diagnostic: the rule, the container and field,
 * the reason and where the exemption came from (config, annotations, args). It never blocks: the
 * pack configures it `advisory` whatever `all` says, unless it is `disabled`.
 *
 * @param rules the Kubernetes rules of the pack.
 * @param ruleIds every rule id in the catalog, for the config schema.
 * @param evaluator the evaluator the rules' policies share.
 */
export function exemptionAuditPolicy(
  rules: readonly KubernetesRule[],
  ruleIds: readonly string[],
  evaluator: KubernetesResourceEvaluator,
): ResourceValidationPolicy {
  return {
    name: PACK_SECTION,
    displayName: "pulumi-hardened: pack settings and honoured exemptions",
    description: "Pack-wide settings of pulumi-hardened; reports every honoured exemption",
    enforcementLevel: "advisory",
    severity: "low",
    remediationSteps:
      "Review each exemption: remove it when the workload can comply, or keep its reason current.",
    tags: ["kubernetes", "exemptions"],
    configSchema: settingsSchema(ruleIds),
    validateResource: (args, reportViolation) => {
      if (!isKubernetesWorkloadType(args.type)) {
        args.notApplicable("applies to Kubernetes workloads only");
      }
      for (const f of exemptedFindings(rules, evaluator, args)) {
        reportViolation(describe(f));
      }
    },
  };
}
