/**
 * A named set of rules, across every target (docs/profiles.md gives each rule's reason).
 *
 * - `baseline`: what stops a known privilege escalation. For Kubernetes workloads exactly the Pod
 *   Security Standards baseline controls; for Dockerfiles, images and Docker containers the
 *   rules with a baseline twin (privileged, host namespaces, the runtime socket) and a root user,
 *   which outside Kubernetes no admission step will ever override.
 * - `restricted`: baseline plus least privilege for the process. For Kubernetes workloads
 *   exactly the Pod Security Standards restricted controls; elsewhere their twins (a numeric
 *   USER, which `runAsNonRoot` needs to verify; no sudo or setuid files, which
 *   `allowPrivilegeEscalation: false` exists to neutralise).
 * - `hardened`: restricted plus every pulumi-hardened extra (the default): supply chain, secrets,
 *   image contents and hygiene.
 *
 * Checks of the input itself are in every profile: `field-types` (a workload field of the wrong
 * type) and `exemption-reason-required`.
 */
export type Profile = "baseline" | "restricted" | "hardened";

/** Every profile, weakest first. */
export const PROFILES: readonly Profile[] = ["baseline", "restricted", "hardened"];

/** The profile used when none is given. */
export const DEFAULT_PROFILE: Profile = "hardened";

/** Profiles a baseline-level rule (a Pod Security Standards baseline control or its twin) belongs to. */
export const BASELINE_PROFILES: readonly Profile[] = ["baseline", "restricted", "hardened"];

/** Profiles a restricted-level rule (a Pod Security Standards restricted control or its twin) belongs to. */
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
