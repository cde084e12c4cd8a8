import { RuleMetadata } from "./rule";

/**
 * A rule over the resources of a Pulumi stack together, which only the policy pack can see (as a
 * stack policy, at the end of a preview or update): e.g. an image the stack builds is deployed by
 * the digest the build produced. Its logic is a pure function beside it (`checkBuiltImageUses`);
 * the pack's stack adapter reads the stack's resources into its inputs.
 */
export interface StackRule extends RuleMetadata {
  readonly target: "stack";
}

/** True when `rule` is a stack rule. */
export function isStackRule(rule: RuleMetadata): rule is StackRule {
  return rule.target === "stack";
}
