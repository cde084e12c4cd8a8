import { PolicyConfigSchema } from "@pulumi/policy";
import { ExemptionSelector } from "../rules/exemptions/selector";
import { DEFAULT_MIN_UID, KubernetesRuleOptions } from "../rules/kubernetes/options";
import { LATEST_PSS_VERSION } from "../rules/kubernetes/pss-version";
import { ExemptionGovernance } from "../rules/exemptions/governance";
import { DEFAULT_PROFILE, Profile } from "../rules/profile";
import { readSharedSettings } from "../rules/settings/read-settings";
import { SettingError } from "../rules/settings/setting-error";
import { sharedSettingsProperties } from "../rules/settings/settings-schema";
import { PodTemplateKind } from "../rules/kubernetes/pod-templates";

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

/** The exemption selectors only the pack has: `urn`, a Pulumi URN glob. */
const PACK_EXEMPTION_SELECTORS = { urn: { type: "string", minLength: 1 } } as const;

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
  const properties = sharedSettingsProperties(PACK_EXEMPTION_SELECTORS);
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

/**
 * Reads the settings of one policy from its configuration (`args.getConfig()`) with the parser
 * the CLI config uses too (`readSharedSettings`), filling in the defaults. Keys that are no
 * setting are left to the warnings of `checkPackConfig`. Throws {@link PolicyConfigError} naming
 * the policy, the setting and what is allowed when a value is invalid.
 */
export function readSettings(policy: string, config: Record<string, unknown>): PackSettings {
  const key = JSON.stringify(config);
  let read = READ.get(key);
  if (read === undefined) {
    read = readUncached(policy, config);
    if (READ.size >= MAX_READ) {
      READ.clear();
    }
    READ.set(key, read);
  }
  return read;
}

/**
 * The settings read, by their configuration as JSON: every policy reads its settings on every
 * resource, and the configuration changes only with the engine's next Configure.
 */
const READ = new Map<string, PackSettings>();
const MAX_READ = 256;

function readUncached(policy: string, config: Record<string, unknown>): PackSettings {
  let settings;
  try {
    settings = readSharedSettings(config, {
      exemptionSelectors: PACK_EXEMPTION_SELECTORS,
      unknownKeys: "ignore",
    });
  } catch (error) {
    if (error instanceof SettingError) {
      throw new PolicyConfigError(policy, error.field, error.problem);
    }
    throw error;
  }
  return {
    profile: settings.profile ?? DEFAULT_PROFILE,
    options: {
      pssVersion: settings.pssVersion ?? LATEST_PSS_VERSION,
      allowedRegistries: settings.allowedRegistries ?? [],
      minUid: settings.minUid ?? DEFAULT_MIN_UID,
    },
    exemptions: (settings.exemptions ?? []) as readonly PolicyExemption[],
    governance: settings.allowExemptions ?? {},
    podTemplates: settings.podTemplates ?? [],
  };
}
