import { CATALOG } from "../rules/catalog";
import { RuleMetadata } from "../rules/rule";
import { hardenedPolicies } from "./pack";
import { PolicyExemption } from "./settings";

/** Settings to give every policy of the pack, as in the CLI's `--config` file. */
export interface PackWideSettings {
  /** @default hardened */
  readonly profile?: "baseline" | "restricted" | "hardened";
  /** @default latest */
  readonly pssVersion?: string;
  /** @default [] (any registry) */
  readonly allowedRegistries?: readonly string[];
  /** @default 10000 */
  readonly minUid?: number;
  /** @default [] */
  readonly exemptions?: readonly PolicyExemption[];
  /**
   * Enforcement level per policy name, for the policies whose level should change.
   * @default {} (every policy keeps its default level)
   */
  readonly enforcementLevels?: Readonly<Record<string, string>>;
}

/**
 * The `--policy-pack-config` JSON that applies `settings` pack-wide: CrossGuard configures each
 * policy on its own (only an enforcement level can be given for `all`), so the same settings are
 * repeated for every policy; each exemption is given only to the policy of its rule.
 */
export function packWideConfig(
  settings: PackWideSettings,
  catalog: readonly RuleMetadata[] = CATALOG,
): Record<string, Record<string, unknown>> {
  const { enforcementLevels = {}, exemptions = [], ...shared } = settings;
  const config: Record<string, Record<string, unknown>> = {};
  for (const policy of hardenedPolicies(catalog)) {
    const own = exemptions.filter((e) => e.rule === policy.name);
    const level = enforcementLevels[policy.name];
    config[policy.name] = {
      ...(level !== undefined ? { enforcementLevel: level } : {}),
      ...shared,
      ...(own.length > 0 ? { exemptions: own } : {}),
    };
  }
  return config;
}
