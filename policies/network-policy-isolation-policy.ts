import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { applyExemptions } from "../rules/exemptions/exemption";
import {
  networkIsolationFindings,
  networkPolicyIsolation,
} from "../rules/kubernetes/network-policy/isolation";
import { KubernetesObject } from "../rules/kubernetes/types";
import { exemptionsForResource } from "./exemptions";
import { isKubernetesWorkloadType, kubernetesObjectOf } from "./kubernetes-resources";
import { policySettings } from "./pack-section";
import { policyMetadata } from "./policy-metadata";
import { unknownsAsRuleErrors } from "./unknowns";
import { reportFindings } from "./violations";

type StackResource = Pick<PolicyResource, "type" | "urn" | "props">;

/** Pulumi type tokens of NetworkPolicy, current and legacy. */
const NETWORK_POLICY_TYPES: ReadonlySet<string> = new Set([
  "kubernetes:networking.k8s.io/v1:NetworkPolicy",
  "kubernetes:extensions/v1beta1:NetworkPolicy",
]);

/**
 * The stack policy `network-policy-isolation`: at the end of a preview or update, every workload
 * of the stack is selected by a NetworkPolicy of the stack that restricts its traffic, checked
 * when the stack has at least one NetworkPolicy (see the rule's description).
 *
 * @param ruleIds every rule id in the catalog, for the config schema.
 */
export function networkPolicyIsolationPolicy(ruleIds: readonly string[]): StackValidationPolicy {
  return {
    ...policyMetadata(networkPolicyIsolation, ruleIds),
    validateStack: (args, reportViolation) => {
      const settings = policySettings(networkPolicyIsolation.id, args.getConfig());
      if (!networkPolicyIsolation.profiles.includes(settings.profile)) {
        return;
      }
      const resources: StackResource[] = args.resources.filter(
        (r) =>
          isKubernetesWorkloadType(r.type, settings.podTemplates) ||
          NETWORK_POLICY_TYPES.has(r.type),
      );
      const objects: KubernetesObject[] = resources.map((r) =>
        kubernetesObjectOf(r.type, unknownsAsRuleErrors(r.props)),
      );
      for (const { index, finding } of networkIsolationFindings(objects, settings.podTemplates)) {
        const urn = resources[index].urn;
        const exemptions = exemptionsForResource(settings.exemptions, networkPolicyIsolation.id, {
          kind: finding.kind,
          name: finding.name,
          namespace: finding.namespace,
          urn,
        });
        reportFindings(
          applyExemptions([finding], exemptions),
          networkPolicyIsolation.id,
          reportViolation,
          urn,
        );
      }
    },
  };
}
