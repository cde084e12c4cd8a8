import { PolicyResource, ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { Finding } from "../rules/finding";
import {
  BUILDKIT_IMAGE_TYPES,
  DockerResourceRule,
  builtImageByDigest,
} from "../rules/docker-resource";
import { DockerfileRule } from "../rules/dockerfile/dockerfile-rule";
import { KubernetesRule } from "../rules/kubernetes/kubernetes-rule";
import { networkPolicyIsolation } from "../rules/kubernetes/network-policy/isolation";
import { evaluateDockerResourceArgs } from "./docker-policy";
import { lintInlineDockerfile } from "./dockerfile-policy";
import { configuredPolicies } from "./configured-levels";
import { KubernetesResourceArgs, KubernetesResourceEvaluator } from "./kubernetes-evaluation";
import { isKubernetesWorkloadType } from "./kubernetes-resources";
import { evaluateNetworkIsolation } from "./network-policy-isolation-policy";
import { PACK_SECTION, enforcementLevelOf, policySettings } from "./pack-section";
import { PackSettings, settingsSchema } from "./settings";
import { evaluateStack } from "./stack-policy";

function describe(f: Finding): string {
  const container =
    f.line !== undefined
      ? `dockerfile.inline line ${f.line}, `
      : f.container === null
        ? ""
        : `container "${f.container}": `;
  return `"${f.ruleId}" exempted by ${f.exemptionSource ?? "config"} (reason: ${f.exemptionReason}): ${container}${f.path}: ${f.message}`;
}

/** The rules whose honoured exemptions the `hardened` policy reports. */
export interface AuditedRules {
  /** Kubernetes rules, over workloads. */
  readonly kubernetes: readonly KubernetesRule[];
  /** Docker resource rules, over the resource types each names. */
  readonly docker: readonly DockerResourceRule[];
  /** Dockerfile rules, over the inline Dockerfiles of `dockerbuild.Image`. */
  readonly dockerfile: readonly DockerfileRule[];
  /** Ids of the stack rules (`built-image-by-digest`, `network-policy-isolation`), over the stack. */
  readonly stack: readonly string[];
}

type StackResource = Pick<PolicyResource, "type" | "name" | "urn" | "props">;

/** The evaluation of each stack rule over a stack's resources, exempted findings marked. */
const STACK_EVALUATIONS: Readonly<
  Record<
    string,
    (
      resources: readonly StackResource[],
      settings: PackSettings,
    ) => { readonly urn: string; readonly findings: Finding[] }[]
  >
> = {
  [builtImageByDigest.id]: evaluateStack,
  [networkPolicyIsolation.id]: evaluateNetworkIsolation,
};

/** The own settings of `ruleId`'s policy as the engine configured them, or `fallback` before that. */
function ownConfigOf(
  ruleId: string,
  fallback: Readonly<Record<string, unknown>>,
): Readonly<Record<string, unknown>> {
  const configured = configuredPolicies();
  return configured === undefined ? fallback : (configured.get(ruleId)?.properties ?? {});
}

/** `args` with the configuration of `ruleId`'s policy (or, before the engine configured the pack, `args`' own). */
function withConfigOf(ruleId: string, args: KubernetesResourceArgs): KubernetesResourceArgs {
  const own = ownConfigOf(ruleId, args.getConfig());
  const getConfig = (() => ({ ...own })) as KubernetesResourceArgs["getConfig"];
  return { ...args, getConfig };
}

/**
 * The findings of every enabled policy on one resource that an exemption covers, each read with
 * that policy's own settings: the Kubernetes rules on a workload, the Dockerfile rules on the
 * inline Dockerfile of a `dockerbuild.Image` (`# hardened ignore` pragmas and configured
 * exemptions), the Docker resource rules of the resource's type on a Docker resource.
 */
export function exemptedFindings(
  rules: AuditedRules,
  evaluator: KubernetesResourceEvaluator,
  args: KubernetesResourceArgs,
): Finding[] {
  const enabled = <R extends { readonly id: string }>(list: readonly R[]) =>
    list.filter((r) => enforcementLevelOf(r.id) !== "disabled");
  if (BUILDKIT_IMAGE_TYPES.includes(args.type)) {
    return enabled(rules.dockerfile).flatMap((rule) => {
      const result = lintInlineDockerfile(rule, withConfigOf(rule.id, args));
      return "findings" in result
        ? result.findings.filter((f) => f.ruleId === rule.id && f.exempted)
        : [];
    });
  }
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
 * The findings of every enabled stack policy that an exemption covers, per resource URN, each
 * read with that policy's own settings.
 */
export function exemptedStackFindings(
  stackRules: readonly string[],
  resources: readonly StackResource[],
  packSection: Readonly<Record<string, unknown>>,
): { readonly urn: string; readonly finding: Finding }[] {
  return stackRules
    .filter((id) => enforcementLevelOf(id) !== "disabled")
    .flatMap((id) =>
      STACK_EVALUATIONS[id](resources, policySettings(id, ownConfigOf(id, packSection))),
    )
    .flatMap(({ urn, findings }) =>
      findings.filter((f) => f.exempted).map((finding) => ({ urn, finding })),
    );
}

/**
 * The `hardened` policy: its configuration is the pack-level section every policy reads (same
 * schema as a policy's own settings, validated by the engine), and it reports each honoured
 * exemption as an advisory diagnostic: the rule, the container and field (or Dockerfile line),
 * the reason and where the exemption came from (config, annotations, args, pragmas). It never
 * blocks: the pack configures it `advisory` whatever `all` says, unless it is `disabled`.
 *
 * It is a resource policy (workloads, Docker resources, inline Dockerfiles) and a stack policy
 * (the stack rules' exemptions, reported on the exempted resource's URN) at once: the policy
 * server runs every policy whose `validateResource` is a function in `Analyze` and every one whose
 * `validateStack` is a function in `AnalyzeStack`, so one policy name carries both.
 *
 * @param rules the rules of the pack whose exemptions are reported.
 * @param ruleIds every rule id in the catalog, for the config schema.
 * @param evaluator the evaluator the rules' policies share.
 */
export function exemptionAuditPolicy(
  rules: AuditedRules,
  ruleIds: readonly string[],
  evaluator: KubernetesResourceEvaluator,
): ResourceValidationPolicy & Pick<StackValidationPolicy, "validateStack"> {
  const dockerTypes = new Set(rules.docker.flatMap((r) => r.resourceTypes));
  if (rules.dockerfile.length > 0) {
    BUILDKIT_IMAGE_TYPES.forEach((type) => dockerTypes.add(type));
  }
  return {
    name: PACK_SECTION,
    displayName: "pulumi-hardened: pack settings and honoured exemptions",
    description: "Pack-wide settings of pulumi-hardened; reports every honoured exemption",
    enforcementLevel: "advisory",
    severity: "low",
    remediationSteps:
      "Review each exemption: remove it when the workload can comply, or keep its reason current.",
    tags: ["kubernetes", "docker", "exemptions"],
    configSchema: settingsSchema(ruleIds),
    validateResource: (args, reportViolation) => {
      if (!isKubernetesWorkloadType(args.type) && !dockerTypes.has(args.type)) {
        args.notApplicable("applies to Kubernetes workloads and Docker resources only");
      }
      for (const f of exemptedFindings(rules, evaluator, args)) {
        reportViolation(describe(f));
      }
    },
    validateStack: (args, reportViolation) => {
      for (const { urn, finding } of exemptedStackFindings(
        rules.stack,
        args.resources,
        args.getConfig(),
      )) {
        reportViolation(describe(finding), urn);
      }
    },
  };
}
