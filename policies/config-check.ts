import { ConfiguredPolicy } from "./configured-levels";
import { PACK_SECTION, withPackSection } from "./pack-section";
import { readSettings } from "./settings";

/** The key CrossGuard reserves for every policy's enforcement level. */
const ALL = "all";

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}

/** The candidate closest to `name` when it is close enough to be a typo, as `; did you mean "x"?`. */
export function didYouMean(name: string, candidates: readonly string[]): string {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(name.length / 3)) + 1;
  for (const candidate of candidates) {
    const d = distance(name.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best === undefined ? "" : `; did you mean "${best}"?`;
}

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
