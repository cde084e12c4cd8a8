import { CATALOG, isKnownRuleId } from "../catalog";
import { ExemptionGovernance } from "../exemptions/governance";
import { GovernanceError, readGovernance } from "../exemptions/read-governance";
import { ExemptionSelector } from "../exemptions/selector";
import { allowedRegistryProblem } from "../image-reference";
import { PodTemplateKind, readPodTemplates } from "../kubernetes/pod-templates";
import { PssVersion, parsePssVersion } from "../kubernetes/pss-version";
import { Profile } from "../profile";
import { SchemaNode, checkSchema } from "./check-schema";
import { didYouMean } from "./did-you-mean";
import { SETTING_PATTERNS, sharedSettingsProperties } from "./settings-schema";
import { SettingError } from "./setting-error";

/**
 * The shared settings as written in a config (the CLI's `--config` file, the pack's
 * `--policy-pack-config`), before {@link readSharedSettings} checks them. `E` is the exemption
 * shape (the pack's may also select by `urn`).
 */
export interface SettingsInput<E extends ExemptionSelector = ExemptionSelector> {
  /** Profile whose rules report. @default hardened */
  readonly profile?: Profile;
  /** Pod Security Standards version, `latest` or `v1.25` and later. @default latest */
  readonly pssVersion?: string;
  /** Registries images may come from. @default [] (any registry) */
  readonly allowedRegistries?: readonly string[];
  /** Lowest accepted UID/GID for the UID rules. @default 10000 */
  readonly minUid?: number;
  /** Exemptions by rule, resource and container, each with a reason. @default [] */
  readonly exemptions?: readonly E[];
  /**
   * Who may exempt what: sources, rules and namespaces of honoured exemptions.
   * @default every source, any rule, any namespace in the CLI; inline exemptions only for
   * policies that are not mandatory in the pack
   */
  readonly allowExemptions?: ExemptionGovernance;
  /**
   * Kinds beyond the core workloads and the built-in ones that carry a pod template, and where.
   * @default []
   */
  readonly podTemplates?: readonly PodTemplateKind[];
}

/**
 * The shared settings as read: each one given, checked and typed; absent ones stay undefined,
 * for each front door to fill in its own defaults.
 */
export interface SharedSettings {
  /** `profile`. */
  readonly profile?: Profile;
  /** `pssVersion`, parsed. */
  readonly pssVersion?: PssVersion;
  /** `allowedRegistries`, each entry one that can match. */
  readonly allowedRegistries?: readonly string[];
  /** `minUid`. */
  readonly minUid?: number;
  /** `exemptions`, each naming a known rule (and, in the pack, possibly a `urn`). */
  readonly exemptions?: readonly ExemptionSelector[];
  /** `allowExemptions`. */
  readonly allowExemptions?: ExemptionGovernance;
  /** `podTemplates`. */
  readonly podTemplates?: readonly PodTemplateKind[];
}

/** The name of a shared setting. */
export type SettingName = keyof SharedSettings;

/** How a front door reads the settings. */
export interface ReadSettingsOptions {
  /** Further keys an exemption may have (the pack's `urn`). @default none */
  readonly exemptionSelectors?: Readonly<Record<string, SchemaNode>>;
  /**
   * What a key that is no setting means: `error` (the CLI config, which holds only settings) or
   * `ignore` (the pack, which warns about it on its own, with the policy it was given for).
   * @default "error"
   */
  readonly unknownKeys?: "error" | "ignore";
}

type Properties = Readonly<Record<SettingName, SchemaNode>>;

const CLI_PROPERTIES: Properties = sharedSettingsProperties();

/** The name of every shared setting, in the schema's order. */
export const SETTING_NAMES = Object.keys(CLI_PROPERTIES) as SettingName[];

function governanceOf(value: unknown): ExemptionGovernance {
  try {
    return readGovernance(value, isKnownRuleId);
  } catch (error) {
    if (error instanceof GovernanceError) {
      throw new SettingError(error.field, error.message.slice(error.field.length + 2));
    }
    throw error;
  }
}

function podTemplatesOf(value: unknown): PodTemplateKind[] {
  try {
    return readPodTemplates(value, "podTemplates");
  } catch (error) {
    const message = (error as Error).message;
    const colon = message.indexOf(": ");
    throw new SettingError(message.slice(0, colon), message.slice(colon + 2));
  }
}

/** What each setting becomes once its value passed the schema: the checks a schema cannot say. */
const READERS: { readonly [K in SettingName]-?: (value: unknown) => SharedSettings[K] } = {
  profile: (value) => value as Profile,
  pssVersion: (value) => parsePssVersion(value as string),
  allowedRegistries: (value) =>
    (value as string[]).map((entry, i) => {
      const problem = allowedRegistryProblem(entry);
      if (problem !== undefined) {
        throw new SettingError(`allowedRegistries[${i}]`, problem);
      }
      return entry;
    }),
  minUid: (value) => value as number,
  exemptions: (value) =>
    (value as ExemptionSelector[]).map((exemption, i) => {
      if (!isKnownRuleId(exemption.rule)) {
        throw new SettingError(
          `exemptions[${i}].rule`,
          `"${exemption.rule}" is not a known rule id${didYouMean(
            exemption.rule,
            CATALOG.map((r) => r.id),
          )}`,
        );
      }
      return exemption;
    }),
  allowExemptions: governanceOf,
  podTemplates: podTemplatesOf,
};

/**
 * Reads one setting: checks `value` against the setting's JSON schema fragment, then what the
 * schema cannot say (a registry entry that can match, a known rule id, a pod template path).
 * Throws {@link SettingError} naming the field, what was given and what is allowed.
 */
export function readSetting<K extends SettingName>(
  name: K,
  value: unknown,
  options: ReadSettingsOptions = {},
): NonNullable<SharedSettings[K]> {
  const properties = propertiesFor(options);
  checkSchema(properties[name], value, name, SETTING_PATTERNS);
  return READERS[name](value) as NonNullable<SharedSettings[K]>;
}

const PROPERTIES_WITH = new WeakMap<object, Properties>();

function propertiesFor(options: ReadSettingsOptions): Properties {
  const selectors = options.exemptionSelectors;
  if (selectors === undefined) {
    return CLI_PROPERTIES;
  }
  let properties = PROPERTIES_WITH.get(selectors);
  if (properties === undefined) {
    properties = sharedSettingsProperties(selectors);
    PROPERTIES_WITH.set(selectors, properties);
  }
  return properties;
}

/**
 * Reads the shared settings of a CLI config file, a policy's pack config or a component: every
 * setting given is checked with {@link readSetting}, in the schema's order. The CLI and the pack
 * accept and refuse exactly the same values; the only differences are the options (the pack's
 * `urn` in an exemption, unknown keys refused or left to the caller). Throws
 * {@link SettingError} for the first wrong value.
 */
export function readSharedSettings(
  config: Readonly<Record<string, unknown>>,
  options: ReadSettingsOptions = {},
): SharedSettings {
  if ((options.unknownKeys ?? "error") === "error") {
    const unknown = Object.keys(config).find(
      (key) => !(SETTING_NAMES as readonly string[]).includes(key),
    );
    if (unknown !== undefined) {
      throw new SettingError(
        unknown,
        `unknown setting; expected one of ${SETTING_NAMES.join(", ")}${didYouMean(unknown, SETTING_NAMES)}`,
      );
    }
  }
  const settings: Record<string, unknown> = {};
  for (const name of SETTING_NAMES) {
    if (config[name] !== undefined) {
      settings[name] = readSetting(name, config[name], options);
    }
  }
  return settings as SharedSettings;
}
