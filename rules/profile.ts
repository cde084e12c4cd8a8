/**
 * A named set of rules.
 *
 * - `baseline`: exactly the Pod Security Standards baseline controls.
 * - `restricted`: exactly the Pod Security Standards baseline and restricted controls.
 * - `hardened`: restricted plus every pulumi-hardened extra (the default).
 */
export type Profile = "baseline" | "restricted" | "hardened";

/** Every profile, weakest first. */
export const PROFILES: readonly Profile[] = ["baseline", "restricted", "hardened"];

/** The profile used when none is given. */
export const DEFAULT_PROFILE: Profile = "hardened";

/** Profiles a Pod Security Standards baseline control belongs to. */
export const BASELINE_PROFILES: readonly Profile[] = ["baseline", "restricted", "hardened"];

/** Profiles a Pod Security Standards restricted control belongs to. */
export const RESTRICTED_PROFILES: readonly Profile[] = ["restricted", "hardened"];

/** Profiles a pulumi-hardened extra (beyond the Pod Security Standards) belongs to. */
export const HARDENED_PROFILES: readonly Profile[] = ["hardened"];

/** Returns the profile named by `value`, or throws an error listing the allowed names. */
export function parseProfile(value: string): Profile {
  if ((PROFILES as readonly string[]).includes(value)) {
    return value as Profile;
  }
  throw new Error(`unknown profile "${value}": expected one of ${PROFILES.join(", ")}`);
}
