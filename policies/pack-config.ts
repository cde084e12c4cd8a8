import { ExemptionGovernance } from "../rules/exemptions/governance";
import { PACK_SECTION } from "./pack-section";
import { PolicyExemption } from "./settings";

/** Settings for the whole pack, as in the CLI's `--config` file. */
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
  /** Who may exempt what. @default inline exemptions only for policies that are not mandatory */
  readonly allowExemptions?: ExemptionGovernance;
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
