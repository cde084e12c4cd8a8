import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { applyExemptions } from "../rules/exemptions/exemption";
import { Finding } from "../rules/finding";
import {
  networkIsolationFindings,
  networkPolicyIsolation,
} from "../rules/kubernetes/network-policy/isolation";
import { KubernetesObject } from "../rules/kubernetes/types";
import { exemptionsForResource } from "./exemptions";
import { isKubernetesWorkloadType, kubernetesObjectOf } from "./kubernetes-resources";
import { configExemptionsOf, policySettings } from "./pack-section";
import { policyMetadata } from "./policy-metadata";
import { PackSettings } from "./settings";
import { unknownsAsRuleErrors } from "./unknowns";
import { reportFindings } from "./violations";

type StackResource = Pick<PolicyResource, "type" | "urn" | "props">;

/** Pulumi type tokens of NetworkPolicy, current and legacy. */
const NETWORK_POLICY_TYPES: ReadonlySet<string> = new Set([
  "kubernetes:networking.k8s.io/v1:NetworkPolicy",
  "kubernetes:extensions/v1beta1:NetworkPolicy",
]);

/**
 * Runs `network-policy-isolation` over the resources of a stack: every workload is selected by a
 * NetworkPolicy of the stack that restricts its traffic, checked when the stack has at least one
 * NetworkPolicy. Returns findings per workload URN, exempted ones marked.
 */
export function evaluateNetworkIsolation(
  resources: readonly StackResource[],
  settings: PackSettings,
): { readonly urn: string; readonly findings: Finding[] }[] {
  if (!networkPolicyIsolation.profiles.includes(settings.profile)) {
    return [];
  }
  const relevant = resources.filter(
    (r) =>
      isKubernetesWorkloadType(r.type, settings.podTemplates) || NETWORK_POLICY_TYPES.has(r.type),
  );
  const objects: KubernetesObject[] = relevant.map((r) =>
    kubernetesObjectOf(r.type, unknownsAsRuleErrors(r.props)),
  );
  return networkIsolationFindings(objects, settings.podTemplates).map(({ index, finding }) => {
    const urn = relevant[index].urn;
    const exemptions = exemptionsForResource(
      configExemptionsOf(settings),
      networkPolicyIsolation.id,
      {
        kind: finding.kind,
        name: finding.name,
        namespace: finding.namespace,
        urn,
      },
    );
    return { urn, findings: applyExemptions([finding], exemptions) };
  });
}

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
      for (const { urn, findings } of evaluateNetworkIsolation(args.resources, settings)) {
        reportFindings(findings, networkPolicyIsolation.id, reportViolation, urn);
      }
    },
  };
}
