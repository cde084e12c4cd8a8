import { Exemption, applyExemptions } from "../exemptions/exemption";
import { Finding } from "../finding";
import { DEFAULT_PROFILE, Profile } from "../profile";
import { skippingUnknowns } from "../unknown";
import { DockerResourceRule, ResourceInputs } from "./docker-resource-rule";
import { DOCKER_PER_RESOURCE_RULES } from "./rules";

/** One Pulumi Docker resource to evaluate. */
export interface DockerResource {
  /** Its Pulumi type token, e.g. `docker:index/container:Container`. */
  readonly type: string;
  /** Its Pulumi resource name. */
  readonly name: string;
  /** Its inputs. */
  readonly inputs: ResourceInputs;
}

/** What to evaluate a Docker resource against. */
export interface DockerResourceEvaluation {
  /**
   * The profile whose rules run.
   * @default hardened
   */
  readonly profile?: Profile;
  /**
   * The rules to run.
   * @default every per-resource Docker rule
   */
  readonly rules?: readonly DockerResourceRule[];
  /**
   * Exemptions that apply to this resource.
   * @default []
   */
  readonly exemptions?: readonly Exemption[];
}

/**
 * Evaluates one Docker resource against the rules of the profile that apply to its type. A rule
 * that reads a value that is not known yet reports nothing. Findings covered by an exemption are
 * kept, marked `exempted` with the reason.
 */
export function evaluateDockerResource(
  resource: DockerResource,
  evaluation: DockerResourceEvaluation = {},
): Finding[] {
  const profile = evaluation.profile ?? DEFAULT_PROFILE;
  const findings: Finding[] = [];
  for (const rule of evaluation.rules ?? DOCKER_PER_RESOURCE_RULES) {
    if (!rule.profiles.includes(profile) || !rule.resourceTypes.includes(resource.type)) {
      continue;
    }
    for (const v of skippingUnknowns(() => rule.check(resource.inputs, resource.type))) {
      findings.push({
        ruleId: rule.id,
        severity: rule.severity,
        message: v.message,
        path: v.path,
        container: v.container ?? null,
        kind: resource.type,
        name: resource.name,
      });
    }
  }
  return applyExemptions(findings, evaluation.exemptions ?? []);
}
