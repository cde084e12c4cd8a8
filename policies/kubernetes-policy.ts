import { ResourceValidationArgs, ResourceValidationPolicy } from "@pulumi/policy";
import { KubernetesRule } from "../rules/kubernetes/kubernetes-rule";
import { PodTemplateKind } from "../rules/kubernetes/pod-templates";
import { KubernetesResourceEvaluator } from "./kubernetes-evaluation";
import { isKubernetesWorkloadType } from "./kubernetes-resources";
import { policySettings } from "./pack-section";
import { fixWorkload } from "./pod-fixes";
import { policyMetadata } from "./policy-metadata";
import { rawProperties } from "./raw-properties";
import { reportFindings } from "./violations";

/** The `podTemplates` setting in force for policy `id`. */
function podTemplatesOf(id: string, args: ResourceValidationArgs): readonly PodTemplateKind[] {
  return policySettings(id, args.getConfig()).podTemplates;
}

/**
 * The CrossGuard policy of one Kubernetes rule: it validates every workload type, whatever created
 * it (direct resources, `yaml.ConfigFile`/`ConfigGroup`, Helm charts). Rules that carry a fix
 * (`KubernetesRule.fix`) also remediate (enforcement level `remediate`): only a workload the rule finds violating,
 * only when no exemption covers any of its findings, and without touching secrets or unknowns.
 *
 * @param ruleIds every rule id in the catalog, for the config schema.
 * @param evaluator evaluates the pack's Kubernetes rules, shared by their policies.
 * @default evaluator: one that knows this rule only
 */
export function kubernetesPolicy(
  rule: KubernetesRule,
  ruleIds: readonly string[],
  evaluator: KubernetesResourceEvaluator = new KubernetesResourceEvaluator([rule]),
): ResourceValidationPolicy {
  const fix = rule.fix;
  return {
    ...policyMetadata(rule, ruleIds),
    validateResource: (args, reportViolation) => {
      if (!isKubernetesWorkloadType(args.type, podTemplatesOf(rule.id, args))) {
        args.notApplicable("applies to Kubernetes workloads only");
      }
      reportFindings(evaluator.evaluate(rule, args), rule.id, reportViolation);
    },
    ...(fix
      ? {
          remediateResource: (args: ResourceValidationArgs) => {
            if (!isKubernetesWorkloadType(args.type, podTemplatesOf(rule.id, args))) {
              args.notApplicable("applies to Kubernetes workloads only");
            }
            const findings = evaluator.evaluate(rule, args);
            if (findings.length === 0 || findings.some((f) => f.exempted)) {
              return undefined;
            }
            return fixWorkload(rawProperties(args.props), args.type.split(":")[2], fix);
          },
        }
      : {}),
  };
}
