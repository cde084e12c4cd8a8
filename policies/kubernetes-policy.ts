import { ResourceValidationArgs, ResourceValidationPolicy } from "@pulumi/policy";
import { evaluateWorkload } from "../rules/kubernetes/evaluate";
import { KubernetesRule } from "../rules/kubernetes/kubernetes-rule";
import { Finding } from "../rules/finding";
import { exemptionsForResource } from "./exemptions";
import { isKubernetesWorkloadType, kubernetesObjectOf } from "./kubernetes-resources";
import { fixWorkload, podSpecFixFor } from "./pod-fixes";
import { policyMetadata } from "./policy-metadata";
import { rawProperties } from "./raw-properties";
import { readSettings } from "./settings";
import { knownOrUndefined, unknownsAsRuleErrors } from "./unknowns";
import { reportFindings } from "./violations";

/**
 * Runs one Kubernetes rule on a workload resource as the policy pack sees it: settings from the
 * policy's config, unknown values skipped. Returns the rule's findings, exempted ones marked.
 * Returns nothing for resources that are not workloads or when the rule is outside the profile.
 */
export function evaluateKubernetesResource(
  rule: KubernetesRule,
  args: Pick<ResourceValidationArgs, "type" | "props" | "urn" | "name" | "getConfig">,
): Finding[] {
  const settings = readSettings(rule.id, args.getConfig());
  if (!rule.profiles.includes(settings.profile)) {
    return [];
  }
  const object = kubernetesObjectOf(args.type, unknownsAsRuleErrors(args.props));
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
      rules: [rule],
      exemptions: exemptionsForResource(settings.exemptions, rule.id, identity),
    }),
  );
  return (findings ?? []).filter((f) => f.ruleId === rule.id);
}

/**
 * The CrossGuard policy of one Kubernetes rule: it validates every workload type, whatever created
 * it (direct resources, `yaml.ConfigFile`/`ConfigGroup`, Helm charts). Rules with a safe mechanical
 * fix also remediate (enforcement level `remediate`): only a workload the rule finds violating,
 * only when no exemption covers any of its findings, and without touching secrets or unknowns.
 *
 * @param ruleIds every rule id in the catalog, for the config schema.
 */
export function kubernetesPolicy(
  rule: KubernetesRule,
  ruleIds: readonly string[],
): ResourceValidationPolicy {
  const fix = podSpecFixFor(rule);
  return {
    ...policyMetadata(rule, ruleIds),
    validateResource: (args, reportViolation) => {
      if (!isKubernetesWorkloadType(args.type)) {
        args.notApplicable("applies to Kubernetes workloads only");
      }
      reportFindings(evaluateKubernetesResource(rule, args), rule.id, reportViolation);
    },
    ...(fix
      ? {
          remediateResource: (args: ResourceValidationArgs) => {
            if (!isKubernetesWorkloadType(args.type)) {
              args.notApplicable("applies to Kubernetes workloads only");
            }
            const findings = evaluateKubernetesResource(rule, args);
            if (findings.length === 0 || findings.some((f) => f.exempted)) {
              return undefined;
            }
            return fixWorkload(rawProperties(args.props), args.type.split(":")[2], fix);
          },
        }
      : {}),
  };
}
