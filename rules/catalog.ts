import { DOCKER_PER_RESOURCE_RULES } from "./docker-resource";
import { DOCKERFILE_RULES } from "./dockerfile/rules";
import { IMAGE_RULES } from "./image/rules";
import { networkPolicyIsolation } from "./kubernetes/network-policy/isolation";
import { KUBERNETES_RULES } from "./kubernetes/rules";
import { RuleMetadata } from "./rule";
import { STACK_RULES } from "./stack-rules";

/**
 * Every rule pulumi-hardened has, with its logic: the single source the components, the policy
 * pack and the CLI all read.
 */
export const CATALOG: readonly RuleMetadata[] = [
  ...KUBERNETES_RULES,
  networkPolicyIsolation,
  ...DOCKERFILE_RULES,
  ...IMAGE_RULES,
  ...DOCKER_PER_RESOURCE_RULES,
  ...STACK_RULES,
];

const BY_ID: ReadonlyMap<string, RuleMetadata> = new Map(CATALOG.map((r) => [r.id, r]));

/** True when `id` names a rule in the catalog. */
export function isKnownRuleId(id: string): boolean {
  return BY_ID.has(id);
}

/** The rule with `id`; throws an error naming the id when there is none. */
export function getRule(id: string): RuleMetadata {
  const rule = BY_ID.get(id);
  if (!rule) {
    throw new Error(`unknown rule id "${id}"`);
  }
  return rule;
}
