import { PolicyConfigSchema } from "@pulumi/policy";
import { ExemptionSelector } from "../rules/exemptions/selector";
import { DEFAULT_MIN_UID, KubernetesRuleOptions } from "../rules/kubernetes/options";
import { parsePssVersion } from "../rules/kubernetes/pss-version";
import { isKnownRuleId } from "../rules/catalog";
import { allowedRegistryProblem } from "../rules/image-reference";
import { ExemptionGovernance } from "../rules/exemptions/governance";
import { GovernanceError, readGovernance } from "../rules/exemptions/read-governance";
import { DEFAULT_PROFILE, Profile, parseProfile } from "../rules/profile";
import { sharedSettingsProperties } from "../rules/settings/settings-schema";
import { PodTemplateKind, readPodTemplates } from "../rules/kubernetes/pod-templates";

/** An exemption in policy configuration: an {@link ExemptionSelector} that may also match URNs. */
export interface PolicyExemption extends ExemptionSelector {
  /** Pulumi URN glob (`urn:pulumi:prod::shop::*::ingress-nginx*`). @default any URN */
  readonly urn?: string;
}

/** The settings every policy of the pack accepts, with every default filled in. */
export interface PackSettings {
  /** The profile whose rules report; a rule outside it reports nothing. */
  readonly profile: Profile;
  /** Settings for the Kubernetes rules. */
  readonly options: Required<KubernetesRuleOptions>;
  /** Exemptions from configuration (any rule id; each policy uses its own). */
  readonly exemptions: readonly PolicyExemption[];
  /** Who may exempt what (`allowExemptions`). */
  readonly governance: ExemptionGovernance;
  /** Further kinds that carry a pod template (`podTemplates`). */
  readonly podTemplates: readonly PodTemplateKind[];
}

/** Thrown when a policy's configuration is invalid; names the policy, the setting and the value. */
export class PolicyConfigError extends Error {
  constructor(policy: string, setting: string, problem: string) {
    super(`policy pack hardened-containers, policy "${policy}", config "${setting}": ${problem}`);
    this.name = "PolicyConfigError";
    // `@pulumi/policy` returns an error's stack to the engine; a config error's is only noise.
    this.stack = `${this.name}: ${this.message}`;
  }
}

/**
 * The JSON schema of the settings every policy accepts, and the pack-level section: the shared
 * settings of the CLI config (`sharedSettingsProperties`), plus `urn` in an exemption. The engine
 * validates each policy's configuration against it before the pack runs. No property has a
 * schema `default`: the engine would fill it into every policy's configuration, where it would
 * override the pack-level section.
 *
 * @param ruleIds every rule id, the values an exemption's `rule` may take.
 */
export function settingsSchema(ruleIds: readonly string[]): PolicyConfigSchema {
  const properties = sharedSettingsProperties({ urn: { type: "string", minLength: 1 } });
  return {
    properties: {
      ...properties,
      exemptions: {
        ...properties.exemptions,
        items: {
          ...properties.exemptions.items,
          properties: {
            ...properties.exemptions.items.properties,
            rule: { type: "string", enum: [...ruleIds] },
          },
        },
      },
    } as unknown as PolicyConfigSchema["properties"],
  };
}

function stringList(policy: string, setting: string, value: unknown): string[] {
  if (!Array.isArray(value) || value.some((v) => typeof v !== "string")) {
    throw new PolicyConfigError(
      policy,
      setting,
      `got ${JSON.stringify(value)}; expected a list of strings`,
    );
  }
  return value as string[];
}

function registryList(policy: string, value: unknown): string[] {
  const entries = stringList(policy, "allowedRegistries", value);
  for (const entry of entries) {
    const problem = allowedRegistryProblem(entry);
    if (problem !== undefined) {
      throw new PolicyConfigError(policy, "allowedRegistries", problem);
    }
  }
  return entries;
}

function exemptionList(policy: string, value: unknown): PolicyExemption[] {
  if (!Array.isArray(value)) {
    throw new PolicyConfigError(
      policy,
      "exemptions",
      `got ${JSON.stringify(value)}; expected a list`,
    );
  }
  return value.map((item, index) => {
    const entry = (typeof item === "object" && item !== null ? item : {}) as Record<
      string,
      unknown
    >;
    if (
      typeof entry.rule !== "string" ||
      typeof entry.reason !== "string" ||
      !/\S/.test(entry.reason)
    ) {
      throw new PolicyConfigError(
        policy,
        `exemptions[${index}]`,
        'every exemption needs "rule" (a rule id) and a non-empty "reason"',
      );
    }
    return entry as unknown as PolicyExemption;
  });
}

function governanceOf(policy: string, value: unknown): ExemptionGovernance {
  if (value === undefined) {
    return {};
  }
  try {
    return readGovernance(value, isKnownRuleId);
  } catch (error) {
    if (error instanceof GovernanceError) {
      throw new PolicyConfigError(policy, error.field, error.message.slice(error.field.length + 2));
    }
    throw error;
  }
}

/**
 * Reads the settings of one policy from its configuration (`args.getConfig()`), filling in the
 * defaults. Throws {@link PolicyConfigError} naming the policy and setting when a value is invalid.
 */
export function readSettings(policy: string, config: Record<string, unknown>): PackSettings {
  const fail = (setting: string, error: unknown): never => {
    throw new PolicyConfigError(
      policy,
      setting,
      error instanceof Error ? error.message : String(error),
    );
  };
  let profile: Profile = DEFAULT_PROFILE;
  let pssVersion = parsePssVersion("latest");
  try {
    profile = config.profile === undefined ? DEFAULT_PROFILE : parseProfile(String(config.profile));
  } catch (error) {
    fail("profile", error);
  }
  try {
    pssVersion = parsePssVersion(
      config.pssVersion === undefined ? "latest" : String(config.pssVersion),
    );
  } catch (error) {
    fail("pssVersion", error);
  }
  const minUid = config.minUid ?? DEFAULT_MIN_UID;
  if (typeof minUid !== "number" || !Number.isInteger(minUid) || minUid < 1) {
    throw new PolicyConfigError(
      policy,
      "minUid",
      `got ${JSON.stringify(minUid)}; expected an integer of 1 or more`,
    );
  }
  return {
    profile,
    options: {
      pssVersion,
      allowedRegistries: registryList(policy, config.allowedRegistries ?? []),
      minUid,
    },
    exemptions: exemptionList(policy, config.exemptions ?? []),
    governance: governanceOf(policy, config.allowExemptions),
    podTemplates: podTemplatesOf(policy, config.podTemplates),
  };
}

/** The `podTemplates` setting, checked; a problem is a `PolicyConfigError` naming the entry. */
function podTemplatesOf(policy: string, value: unknown): readonly PodTemplateKind[] {
  if (value === undefined) {
    return [];
  }
  try {
    return readPodTemplates(value, "podTemplates");
  } catch (error) {
    throw new PolicyConfigError(policy, "podTemplates", (error as Error).message);
  }
}
