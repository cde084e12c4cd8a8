import { ResourceValidationArgs, ResourceValidationPolicy } from "@pulumi/policy";
import { DockerResourceRule, evaluateDockerResource } from "../rules/docker-resource";
import { Finding } from "../rules/finding";
import { exemptionsForResource } from "./exemptions";
import { policyMetadata } from "./policy-metadata";
import { configExemptionsOf, policySettings } from "./pack-section";
import { rawProperties } from "./raw-properties";
import { redactSecrets, secretsOf } from "./secret-values";
import { unknownsAsRuleErrors } from "./unknowns";
import { reportFindings } from "./violations";

/**
 * Runs one Docker resource rule on a resource as the policy pack sees it: settings from the
 * policy's config, unknown values skipped. Returns the rule's findings, exempted ones marked, with
 * secret values redacted.
 */
export function evaluateDockerResourceArgs(
  rule: DockerResourceRule,
  args: Pick<ResourceValidationArgs, "type" | "props" | "urn" | "name" | "getConfig">,
): Finding[] {
  const settings = policySettings(rule.id, args.getConfig());
  const findings = evaluateDockerResource(
    { type: args.type, name: args.name, inputs: unknownsAsRuleErrors(args.props) },
    {
      profile: settings.profile,
      rules: [rule],
      exemptions: exemptionsForResource(configExemptionsOf(settings), rule.id, {
        kind: args.type,
        name: args.name,
        urn: args.urn,
      }),
    },
  );
  return redactSecrets(findings, secretsOf(rawProperties(args.props)));
}

/**
 * The CrossGuard policy of one Docker resource rule. A rule over a single resource type carries
 * that type the way `validateResourceOfType` does (`__pulumiType`), so the policy SDK skips other
 * resources without deserializing them.
 *
 * @param ruleIds every rule id in the catalog, for the config schema.
 */
export function dockerResourcePolicy(
  rule: DockerResourceRule,
  ruleIds: readonly string[],
): ResourceValidationPolicy {
  const validate: ResourceValidationPolicy["validateResource"] = (args, reportViolation) => {
    if (!rule.resourceTypes.includes(args.type)) {
      args.notApplicable(`applies to ${rule.resourceTypes.join(", ")} only`);
    }
    reportFindings(evaluateDockerResourceArgs(rule, args), rule.id, reportViolation);
  };
  if (rule.resourceTypes.length === 1) {
    Object.assign(validate, { __pulumiType: rule.resourceTypes[0] });
  }
  return { ...policyMetadata(rule, ruleIds), validateResource: validate };
}
