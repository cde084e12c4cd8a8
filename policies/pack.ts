import { Policies, PolicyPackArgs } from "@pulumi/policy";
import { CATALOG } from "../rules/catalog";
import { builtImageByDigest, isDockerResourceRule } from "../rules/docker-resource";
import { DockerfileRule } from "../rules/dockerfile/dockerfile-rule";
import { KubernetesRule } from "../rules/kubernetes/kubernetes-rule";
import { RuleMetadata } from "../rules/rule";
import { dockerResourcePolicy } from "./docker-policy";
import { dockerfilePolicy } from "./dockerfile-policy";
import { KubernetesResourceEvaluator } from "./kubernetes-evaluation";
import { kubernetesPolicy } from "./kubernetes-policy";
import { builtImageByDigestPolicy } from "./stack-policy";

/** The pack's name, as `pulumi preview --policy-pack` and `pulumi policy publish` show it. */
export const PACK_NAME = "hardened-containers";

/** Thrown when a catalog rule has no front door in the pack; names the rule and its target. */
export class UnsupportedRuleError extends Error {
  constructor(rule: RuleMetadata) {
    super(
      `rule "${rule.id}" (target ${rule.target}) has no CrossGuard adapter: the pack handles Kubernetes, Dockerfile and Docker resource rules (those with a check) and built-image-by-digest`,
    );
    this.name = "UnsupportedRuleError";
  }
}

function isKubernetesRule(rule: RuleMetadata): rule is KubernetesRule {
  return rule.target === "kubernetes";
}

function isDockerfileRule(rule: RuleMetadata): rule is DockerfileRule {
  return rule.target === "dockerfile";
}

/**
 * The policy for every rule in `catalog` that can see what it checks in resource inputs, named by
 * rule id: Kubernetes rules on workloads, Docker resource rules on Docker resources, Dockerfile
 * rules on inline Dockerfiles of `dockerbuild.Image`, and the stack rule `built-image-by-digest`.
 * Built-image rules (target `image`) read the pushed image's config and layers, which no resource
 * input holds: they have no policy (`HardenedImage` and `hardened image` run them).
 */
export function hardenedPolicies(catalog: readonly RuleMetadata[] = CATALOG): Policies {
  const ruleIds = catalog.map((r) => r.id);
  const evaluator = new KubernetesResourceEvaluator(catalog.filter(isKubernetesRule));
  const policies: Policies = [];
  for (const rule of catalog) {
    if (isKubernetesRule(rule)) {
      policies.push(kubernetesPolicy(rule, ruleIds, evaluator));
    } else if (isDockerfileRule(rule)) {
      policies.push(dockerfilePolicy(rule, ruleIds));
    } else if (isDockerResourceRule(rule)) {
      policies.push(dockerResourcePolicy(rule, ruleIds));
    } else if (rule.id === builtImageByDigest.id) {
      policies.push(builtImageByDigestPolicy(ruleIds));
    } else if (rule.target === "docker-resource") {
      throw new UnsupportedRuleError(rule);
    }
  }
  return policies;
}

/** The arguments of the `hardened-containers` PolicyPack. */
export function hardenedPackArgs(catalog: readonly RuleMetadata[] = CATALOG): PolicyPackArgs {
  return {
    description:
      "Container hardening for Kubernetes workloads and Docker resources: Pod Security Standards, hardened extras and CIS Docker Benchmark checks, one policy per pulumi-hardened rule.",
    displayName: "pulumi-hardened: hardened containers",
    provider: "kubernetes",
    tags: ["kubernetes", "docker", "pod-security-standards", "cis"],
    repository: "https://github.com/pulumi-hardened/pulumi-hardened",
    policies: hardenedPolicies(catalog),
  };
}
