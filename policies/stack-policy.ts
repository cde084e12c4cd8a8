import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import {
  BuiltImage,
  ImageUse,
  builtImageByDigest,
  builtImageOf,
  checkBuiltImageUses,
  imageUsesOfDockerResource,
  imageUsesOfWorkload,
} from "../rules/docker-resource";
import { applyExemptions } from "../rules/exemptions/exemption";
import { Finding } from "../rules/finding";
import { exemptionsForResource } from "./exemptions";
import { isKubernetesWorkloadType, kubernetesObjectOf } from "./kubernetes-resources";
import { policyMetadata } from "./policy-metadata";
import { configExemptionsOf, policySettings } from "./pack-section";
import { PackSettings } from "./settings";
import { unknownsAsRuleErrors } from "./unknowns";
import { reportFindings } from "./violations";

type StackResource = Pick<PolicyResource, "type" | "name" | "urn" | "props">;

function usesOf(resource: StackResource): ImageUse[] {
  const props = unknownsAsRuleErrors(resource.props);
  return isKubernetesWorkloadType(resource.type)
    ? imageUsesOfWorkload(kubernetesObjectOf(resource.type, props))
    : imageUsesOfDockerResource(resource.type, resource.name, props);
}

/**
 * Runs `built-image-by-digest` over the resources of a stack (their outputs, as AnalyzeStack
 * sends them): every use of an image the stack builds must name it by digest. Returns findings
 * per using resource URN, exempted ones marked.
 */
export function evaluateStack(
  resources: readonly StackResource[],
  settings: PackSettings,
): { readonly urn: string; readonly findings: Finding[] }[] {
  if (!builtImageByDigest.profiles.includes(settings.profile)) {
    return [];
  }
  const images: BuiltImage[] = [];
  for (const r of resources) {
    const image = builtImageOf(r.type, r.name, unknownsAsRuleErrors(r.props));
    if (image) {
      images.push(image);
    }
  }
  if (images.length === 0) {
    return [];
  }
  return resources
    .map((r) => {
      const findings = checkBuiltImageUses(images, usesOf(r));
      const identity = {
        kind: findings[0]?.kind,
        name: findings[0]?.name,
        namespace: findings[0]?.namespace,
        urn: r.urn,
      };
      const exemptions = exemptionsForResource(
        configExemptionsOf(settings),
        builtImageByDigest.id,
        identity,
      );
      return { urn: r.urn, findings: applyExemptions(findings, exemptions) };
    })
    .filter((r) => r.findings.length > 0);
}

/**
 * The stack policy `built-image-by-digest`: at the end of a preview or update, every workload and
 * `docker.Container` that uses an image built in the stack names it by digest, not by a tag the
 * stack pushed it as.
 *
 * @param ruleIds every rule id in the catalog, for the config schema.
 */
export function builtImageByDigestPolicy(ruleIds: readonly string[]): StackValidationPolicy {
  return {
    ...policyMetadata(builtImageByDigest, ruleIds),
    validateStack: (args, reportViolation) => {
      const settings = policySettings(builtImageByDigest.id, args.getConfig());
      for (const { urn, findings } of evaluateStack(args.resources, settings)) {
        reportFindings(findings, builtImageByDigest.id, reportViolation, urn);
      }
    },
  };
}
