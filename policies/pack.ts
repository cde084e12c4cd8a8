import {
  EnforcementLevel,
  Policies,
  PolicyPackArgs,
  ResourceValidationPolicy,
  StackValidationPolicy,
} from "@pulumi/policy";
import { CATALOG } from "../rules/catalog";
import {
  DockerResourceRule,
  builtImageByDigest,
  isDockerResourceRule,
} from "../rules/docker-resource";
import { DockerfileRule } from "../rules/dockerfile/dockerfile-rule";
import { KubernetesRule } from "../rules/kubernetes/kubernetes-rule";
import { networkPolicyIsolation } from "../rules/kubernetes/network-policy/isolation";
import { Profile } from "../rules/profile";
import { RuleMetadata, RuleTarget } from "../rules/rule";
import { Severity } from "../rules/severity";
import { StackRule, isStackRule } from "../rules/stack-rule";
import { dockerResourcePolicy } from "./docker-policy";
import { dockerfilePolicy } from "./dockerfile-policy";
import { exemptionAuditPolicy } from "./exemption-audit-policy";
import { KubernetesResourceEvaluator } from "./kubernetes-evaluation";
import { kubernetesPolicy } from "./kubernetes-policy";
import { builtImageByDigestPolicy } from "./stack-policy";
import { networkPolicyIsolationPolicy } from "./network-policy-isolation-policy";

/** The pack's name, as `pulumi preview --policy-pack` and `pulumi policy publish` show it. */
export const PACK_NAME = "hardened-containers";

/** Thrown when a catalog rule has no front door in the pack; names the rule and its target. */
export class UnsupportedRuleError extends Error {
  constructor(rule: RuleMetadata) {
    super(
      `rule "${rule.id}" (target ${rule.target}) has no CrossGuard adapter: the pack handles Kubernetes, Dockerfile and Docker resource rules (those with a check) and the stack rules it has a stack policy for (${Object.keys(STACK_POLICIES).join(", ")})`,
    );
    this.name = "UnsupportedRuleError";
  }
}

/** The stack policy of each stack rule: each reads the stack's resources into its rule's inputs. */
const STACK_POLICIES: Readonly<
  Record<string, (ruleIds: readonly string[]) => StackValidationPolicy>
> = { [builtImageByDigest.id]: builtImageByDigestPolicy };

/** The stack policy of `rule`; throws `UnsupportedRuleError` for a stack rule the pack has none for. */
function stackPolicyOf(rule: StackRule, ruleIds: readonly string[]): StackValidationPolicy {
  const policy = STACK_POLICIES[rule.id];
  if (policy === undefined) {
    throw new UnsupportedRuleError(rule);
  }
  return policy(ruleIds);
}

function isKubernetesRule(rule: RuleMetadata): rule is KubernetesRule {
  return rule.target === "kubernetes";
}

function isDockerfileRule(rule: RuleMetadata): rule is DockerfileRule {
  return rule.target === "dockerfile";
}

/** Which rules of the catalog become policies, and at what level. Every filter is optional. */
export interface PolicySelection {
  /**
   * Only the rules of this profile (`baseline`: the Pod Security Standards baseline controls and
   * their Docker twins, docs/profiles.md).
   * @default every profile
   */
  readonly profile?: Profile;
  /**
   * Only rules of these targets: `kubernetes` (workloads), `kubernetes-set`
   * (network-policy-isolation), `dockerfile` (inline Dockerfiles of `dockerbuild.Image`),
   * `docker-resource` (Docker resources), `stack` (built-image-by-digest).
   * @default every target
   */
  readonly targets?: readonly RuleTarget[];
  /** Only rules of these severities. @default every severity */
  readonly severities?: readonly Severity[];
  /**
   * Only policies carrying one of these tags (as the policies publish them: `kubernetes`,
   * `profile:restricted`, `pss:baseline`, `cis-docker:5.4`, …).
   * @default every tag
   */
  readonly tags?: readonly string[];
  /** Only these rule ids (exact). @default every rule */
  readonly rules?: readonly string[];
  /**
   * The enforcement level of every selected policy, instead of each one's default.
   * @default mandatory for the Pod Security Standards controls and image-digest, advisory otherwise
   */
  readonly enforcementLevel?: EnforcementLevel;
  /** The rules to choose from. @default the whole catalog */
  readonly catalog?: readonly RuleMetadata[];
}

/** Thrown for a selection naming a rule id that the catalog does not have. */
export class UnknownRuleSelectionError extends Error {
  constructor(id: string) {
    super(`hardenedPolicies: rules: "${id}" is not a rule id of the catalog`);
    this.name = "UnknownRuleSelectionError";
  }
}

function policyOf(
  rule: RuleMetadata,
  ruleIds: readonly string[],
  evaluator: KubernetesResourceEvaluator,
): ResourceValidationPolicy | StackValidationPolicy | undefined {
  if (isKubernetesRule(rule)) {
    return kubernetesPolicy(rule, ruleIds, evaluator);
  }
  if (isDockerfileRule(rule)) {
    return dockerfilePolicy(rule, ruleIds);
  }
  if (isDockerResourceRule(rule)) {
    return dockerResourcePolicy(rule, ruleIds);
  }
  if (isStackRule(rule)) {
    return stackPolicyOf(rule, ruleIds);
  }
  if (rule.id === networkPolicyIsolation.id) {
    return networkPolicyIsolationPolicy(ruleIds);
  }
  if (rule.target === "docker-resource") {
    throw new UnsupportedRuleError(rule);
  }
  return undefined;
}

/**
 * CrossGuard policies for the rules `selection` picks, named by rule id, to compose a pack of
 * one's own (`new PolicyPack("platform", { policies: [...hardenedPolicies({ targets: ["kubernetes"] }), ...mine] })`):
 * Kubernetes rules on workloads, Docker resource rules on Docker resources, Dockerfile rules on
 * inline Dockerfiles of `dockerbuild.Image`, and the stack rule `built-image-by-digest`.
 * Built-image rules (target `image`) read the pushed image's config and layers, which no resource
 * input holds: they have no policy (`HardenedImage` and `hardened image` run them). When any rule
 * is selected, the `hardened` policy comes last: the pack-level settings section and the advisory
 * report of honoured exemptions.
 */
export function hardenedPolicies(selection: PolicySelection = {}): Policies {
  const catalog = selection.catalog ?? CATALOG;
  const ruleIds = catalog.map((r) => r.id);
  for (const id of selection.rules ?? []) {
    if (!ruleIds.includes(id)) {
      throw new UnknownRuleSelectionError(id);
    }
  }
  const kubernetesRules = catalog.filter(isKubernetesRule);
  const evaluator = new KubernetesResourceEvaluator(kubernetesRules);
  const policies: (ResourceValidationPolicy | StackValidationPolicy)[] = [];
  const selectedKubernetes: KubernetesRule[] = [];
  const selectedDocker: DockerResourceRule[] = [];
  const selectedDockerfile: DockerfileRule[] = [];
  const selectedStack: string[] = [];
  for (const rule of catalog) {
    if (
      (selection.profile !== undefined && !rule.profiles.includes(selection.profile)) ||
      (selection.targets !== undefined && !selection.targets.includes(rule.target)) ||
      (selection.severities !== undefined && !selection.severities.includes(rule.severity)) ||
      (selection.rules !== undefined && !selection.rules.includes(rule.id))
    ) {
      continue;
    }
    const policy = policyOf(rule, ruleIds, evaluator);
    if (
      policy === undefined ||
      (selection.tags !== undefined && !selection.tags.some((t) => policy.tags?.includes(t)))
    ) {
      continue;
    }
    policies.push(
      selection.enforcementLevel === undefined
        ? policy
        : { ...policy, enforcementLevel: selection.enforcementLevel },
    );
    if (isKubernetesRule(rule)) {
      selectedKubernetes.push(rule);
    } else if (isDockerResourceRule(rule)) {
      selectedDocker.push(rule);
    } else if (isDockerfileRule(rule)) {
      selectedDockerfile.push(rule);
    } else {
      selectedStack.push(rule.id);
    }
  }
  const audited = {
    kubernetes: selectedKubernetes,
    docker: selectedDocker,
    dockerfile: selectedDockerfile,
    stack: selectedStack,
  };
  if (Object.values(audited).some((list) => list.length > 0)) {
    policies.push(exemptionAuditPolicy(audited, ruleIds, evaluator));
  }
  return policies;
}

/** The arguments of the `hardened-containers` PolicyPack. */
export function hardenedPackArgs(selection: PolicySelection = {}): PolicyPackArgs {
  return {
    description:
      "Container hardening for Kubernetes workloads and Docker resources: Pod Security Standards, hardened extras and CIS Docker Benchmark checks, one policy per pulumi-hardened rule.",
    displayName: "pulumi-hardened: hardened containers",
    provider: "kubernetes",
    tags: ["kubernetes", "docker", "pod-security-standards", "cis"],
    repository: "https://github.com/pulumi-hardened/pulumi-hardened",
    policies: hardenedPolicies(selection),
  };
}
