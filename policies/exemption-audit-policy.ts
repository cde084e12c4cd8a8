import { ResourceValidationPolicy } from "@pulumi/policy";
import { Finding } from "../rules/finding";
import { DockerResourceRule } from "../rules/docker-resource";
import { KubernetesRule } from "../rules/kubernetes/kubernetes-rule";
import { evaluateDockerResourceArgs } from "./docker-policy";
import { configuredPolicies } from "./configured-levels";
import { KubernetesResourceArgs, KubernetesResourceEvaluator } from "./kubernetes-evaluation";
import { isKubernetesWorkloadType } from "./kubernetes-resources";
import { PACK_SECTION, enforcementLevelOf } from "./pack-section";
import { settingsSchema } from "./settings";

function describe(f: Finding): string {
  const container = f.container === null ? "" : `container "${f.container}": `;
  return `"${f.ruleId}" exempted by ${f.exemptionSource ?? "config"} (reason: ${f.exemptionReason}): ${container}${f.path}: ${f.message}`;
}

/** The rules whose honoured exemptions the `hardened` policy reports. */
export interface AuditedRules {
  /** Kubernetes rules, over workloads. */
  readonly kubernetes: readonly KubernetesRule[];
  /** Docker resource rules, over the resource types each names. */
  readonly docker: readonly DockerResourceRule[];
}

/** `args` with the configuration of `ruleId`'s policy (or, before the engine configured the pack, `args`' own). */
function withConfigOf(ruleId: string, args: KubernetesResourceArgs): KubernetesResourceArgs {
  const configured = configuredPolicies();
  const own =
    configured === undefined ? args.getConfig() : (configured.get(ruleId)?.properties ?? {});
  const getConfig = (() => ({ ...own })) as KubernetesResourceArgs["getConfig"];
  return { ...args, getConfig };
}

/**
 * The findings of every enabled policy on one resource that an exemption covers, each read with
 * that policy's own settings: the Kubernetes rules on a workload, the Docker resource rules of the
 * resource's type on a Docker resource.
 */
export function exemptedFindings(
  rules: AuditedRules,
  evaluator: KubernetesResourceEvaluator,
  args: KubernetesResourceArgs,
): Finding[] {
  const enabled = <R extends { readonly id: string }>(list: readonly R[]) =>
    list.filter((r) => enforcementLevelOf(r.id) !== "disabled");
  if (!isKubernetesWorkloadType(args.type)) {
    return enabled(rules.docker)
      .filter((rule) => rule.resourceTypes.includes(args.type))
      .flatMap((rule) => evaluateDockerResourceArgs(rule, withConfigOf(rule.id, args)))
      .filter((f) => f.exempted);
  }
  const exempted: Finding[] = [];
  for (const rule of enabled(rules.kubernetes)) {
    exempted.push(
      ...evaluator.evaluate(rule, withConfigOf(rule.id, args)).filter((f) => f.exempted),
    );
  }
  return exempted;
}

/**
 * The `hardened` policy: its configuration is the pack-level section every policy reads (same
 * schema as a policy's own settings, validated by the engine), and it reports each honoured
 * exemption of a Kubernetes workload or Docker resource as an advisory diagnostic: the rule, the
 * container and field,
 * the reason and where the exemption came from (config, annotations, args). It never blocks: the
 * pack configures it `advisory` whatever `all` says, unless it is `disabled`.
 *
 * @param rules the Kubernetes and Docker resource rules of the pack.
 * @param ruleIds every rule id in the catalog, for the config schema.
 * @param evaluator the evaluator the rules' policies share.
 */
export function exemptionAuditPolicy(
  rules: AuditedRules,
  ruleIds: readonly string[],
  evaluator: KubernetesResourceEvaluator,
): ResourceValidationPolicy {
  const dockerTypes = new Set(rules.docker.flatMap((r) => r.resourceTypes));
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
      if (!isKubernetesWorkloadType(args.type) && !dockerTypes.has(args.type)) {
        args.notApplicable("applies to Kubernetes workloads and Docker resources only");
      }
      for (const f of exemptedFindings(rules, evaluator, args)) {
        reportViolation(describe(f));
      }
    },
  };
}
