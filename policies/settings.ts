import { PolicyConfigSchema } from "@pulumi/policy";
import { ExemptionSelector } from "../rules/exemptions/selector";
import { DEFAULT_MIN_UID, KubernetesRuleOptions } from "../rules/kubernetes/options";
import { parsePssVersion } from "../rules/kubernetes/pss-version";
import { DEFAULT_PROFILE, PROFILES, Profile, parseProfile } from "../rules/profile";

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
}

/** Thrown when a policy's configuration is invalid; names the policy, the setting and the value. */
export class PolicyConfigError extends Error {
  constructor(policy: string, setting: string, problem: string) {
    super(`policy pack hardened-containers, policy "${policy}", config "${setting}": ${problem}`);
    this.name = "PolicyConfigError";
  }
}

/**
 * The JSON schema of the settings every policy accepts. CrossGuard delivers configuration per
 * policy (only the enforcement level can be set for `all`), so the pack-wide settings are
 * properties of each policy's schema, validated by the engine, with the same names and meaning as
 * the CLI's `--config` file.
 *
 * @param ruleIds every rule id, the values an exemption's `rule` may take.
 */
export function settingsSchema(ruleIds: readonly string[]): PolicyConfigSchema {
  return {
    properties: {
      profile: {
        type: "string",
        enum: [...PROFILES],
        default: DEFAULT_PROFILE,
        description: "Profile whose rules report: baseline, restricted or hardened.",
      },
      pssVersion: {
        type: "string",
        pattern: "^(latest|v1\\.(2[5-9]|[3-9][0-9]))$",
        default: "latest",
        description: 'Pod Security Standards version: "latest" or v1.25 and later, like "v1.30".',
      },
      allowedRegistries: {
        type: "array",
        items: { type: "string", minLength: 1 },
        default: [],
        description:
          "Registries images may come from (host, optionally with a path prefix such as ghcr.io/acme); empty allows any.",
      },
      minUid: {
        type: "integer",
        minimum: 1,
        default: DEFAULT_MIN_UID,
        description: "Lowest UID and GID accepted by the UID rules.",
      },
      exemptions: {
        type: "array",
        default: [],
        description:
          "Accepted findings: rule id, mandatory reason, and globs selecting resources (kind, name, namespace, urn) and optionally one container.",
        items: {
          type: "object",
          additionalProperties: false,
          required: ["rule", "reason"],
          properties: {
            rule: { type: "string", enum: [...ruleIds] },
            reason: { type: "string", minLength: 1, pattern: "\\S" },
            container: { type: "string", minLength: 1 },
            kind: { type: "string", minLength: 1 },
            name: { type: "string", minLength: 1 },
            namespace: { type: "string", minLength: 1 },
            urn: { type: "string", minLength: 1 },
          },
        },
      },
    },
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
      allowedRegistries: stringList(policy, "allowedRegistries", config.allowedRegistries ?? []),
      minUid,
    },
    exemptions: exemptionList(policy, config.exemptions ?? []),
  };
}
