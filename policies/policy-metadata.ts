import { Policy, Severity as PolicySeverity } from "@pulumi/policy";
import { ruleDocumentationUrl } from "../rules/documentation-url";
import { RuleMetadata } from "../rules/rule";
import { Severity } from "../rules/severity";
import { defaultEnforcementLevel } from "./enforcement";
import { settingsSchema } from "./settings";

const POLICY_SEVERITY: Readonly<Record<Severity, PolicySeverity>> = {
  error: "high",
  warning: "medium",
  note: "low",
};

function tagsOf(rule: RuleMetadata): string[] {
  const pss = rule.references.pss;
  return [
    rule.target,
    ...rule.profiles.map((p) => `profile:${p}`),
    ...(pss ? [`pss:${pss.level}`] : []),
    ...(rule.references.cisDocker ?? []).map((id) => `cis-docker:${id}`),
    ...(rule.references.cisKubernetes ?? []).map((id) => `cis-kubernetes:${id}`),
  ];
}

/**
 * Everything CrossGuard shows about a rule's policy, taken from the catalog: name (the rule id),
 * the title as description (the engine prints it above every violation message, so it stays one
 * line; the rule's longer rationale is in docs/rules.md), remediation, severity, the URL of the
 * rule's section of docs/rules.md,
 * default enforcement level and the settings schema.
 *
 * @param ruleIds every rule id, for the exemption schema.
 */
export function policyMetadata(rule: RuleMetadata, ruleIds: readonly string[]): Policy {
  return {
    name: rule.id,
    displayName: rule.title,
    description: rule.title,
    enforcementLevel: defaultEnforcementLevel(rule),
    severity: POLICY_SEVERITY[rule.severity],
    remediationSteps: rule.remediation,
    tags: tagsOf(rule),
    configSchema: settingsSchema(ruleIds),
    url: ruleDocumentationUrl(rule.id),
  };
}
