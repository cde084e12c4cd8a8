import { SettingsInput } from "../rules/settings/read-settings";
import { PACK_SECTION } from "./pack-section";
import { PolicyExemption } from "./settings";

/**
 * Settings for the whole pack: the shared settings, as in the CLI's `--config` file (exemptions
 * may also select by `urn`), and enforcement levels.
 */
export interface PackWideSettings extends SettingsInput<PolicyExemption> {
  /**
   * Enforcement level per policy name, for the policies whose level should change (`all` for
   * every policy).
   * @default {} (every policy keeps its default level)
   */
  readonly enforcementLevels?: Readonly<Record<string, string>>;
}

/**
 * The `--policy-pack-config` JSON for `settings`: the shared settings in the pack-level section
 * (`hardened`), which every policy reads, and each changed enforcement level under its policy.
 */
export function packWideConfig(settings: PackWideSettings): Record<string, unknown> {
  const { enforcementLevels = {}, ...shared } = settings;
  return {
    ...enforcementLevels,
    ...(Object.keys(shared).length > 0 ? { [PACK_SECTION]: shared } : {}),
  };
}
