import { didYouMean } from "../rules/settings/did-you-mean";
import { ConfiguredPolicy } from "./configured-levels";
import { PACK_SECTION, withPackSection } from "./pack-section";
import { readSettings } from "./settings";

/** The key CrossGuard reserves for every policy's enforcement level. */
const ALL = "all";

/**
 * Checks the configuration the engine sends to the pack. Every value is read as the policies
 * will read it (the pack-level section under each policy's own settings), so an invalid one fails
 * here, once, as a one-line `PolicyConfigError` naming the policy, the setting and what is
 * allowed. Returns warnings for keys that name no policy and settings no policy has, each with
 * the closest valid name.
 *
 * @param policyNames the pack's policy names.
 * @param settingNames the settings a policy accepts.
 */
export function checkPackConfig(
  config: ReadonlyMap<string, ConfiguredPolicy>,
  policyNames: readonly string[],
  settingNames: readonly string[],
): string[] {
  const warnings: string[] = [];
  const section = config.get(PACK_SECTION)?.properties ?? {};
  readSettings(PACK_SECTION, section);
  for (const [name, policy] of config) {
    if (name !== ALL && !policyNames.includes(name)) {
      warnings.push(
        `policy pack hardened-containers: "${name}" is not a policy of this pack and is ignored${didYouMean(name, policyNames)}`,
      );
      continue;
    }
    if (name === ALL && Object.keys(policy.properties).length > 0) {
      warnings.push(
        `policy pack hardened-containers: settings under "${ALL}" are ignored (CrossGuard reads only its enforcement level); put them under "${PACK_SECTION}"`,
      );
      continue;
    }
    for (const key of Object.keys(policy.properties)) {
      if (!settingNames.includes(key)) {
        warnings.push(
          `policy pack hardened-containers, policy "${name}": setting "${key}" is unknown and ignored${didYouMean(key, settingNames)}`,
        );
      }
    }
    if (name !== ALL && name !== PACK_SECTION) {
      readSettings(name, withPackSection(section, name, policy.properties));
    }
  }
  return warnings;
}
