import { EnforcementLevel } from "@pulumi/policy";
import { RuleMetadata } from "../rules/rule";

/** Rules outside the Pod Security Standards that block by default. */
const MANDATORY_EXTRAS: ReadonlySet<string> = new Set(["field-types", "image-digest"]);

/**
 * The enforcement level a rule's policy has unless configured otherwise: `mandatory` for the Pod
 * Security Standards controls (every rule with `references.pss`), `field-types` (a mistyped field
 * would hide a control's violation) and `image-digest`, `advisory` for everything else.
 */
export function defaultEnforcementLevel(rule: RuleMetadata): EnforcementLevel {
  return rule.references.pss !== undefined || MANDATORY_EXTRAS.has(rule.id)
    ? "mandatory"
    : "advisory";
}
