import { PodContext } from "../../pod-context";
import { pssAtLeast } from "../../pss-version";
import { booleanOf, recordOf } from "../../../read";

/**
 * The version from which upstream exempts pods with `spec.os.name: windows` from the restricted
 * `allowPrivilegeEscalation`, `seccompProfile_restricted` and `capabilities_restricted` checks.
 */
const WINDOWS_EXEMPTION_MINOR = 25;

/**
 * The version from which upstream relaxes `runAsNonRoot`, `runAsUser` and the baseline `procMount`
 * check for pods in a user namespace (`spec.hostUsers: false`), unconditionally. Before it, the
 * relaxation existed only behind the alpha `UserNamespacesPodSecurityStandards` feature gate, which
 * is off by default; these rules follow the default and do not relax before v1.35.
 */
export const USER_NAMESPACE_RELAXATION_MINOR = 35;

/** True when `pod` declares `spec.os.name: windows` and the version exempts Windows pods. */
export function isExemptWindowsPod(pod: PodContext): boolean {
  return (
    pssAtLeast(pod.options.pssVersion, WINDOWS_EXEMPTION_MINOR) &&
    recordOf(pod.spec.os)?.name === "windows"
  );
}

/** True when `pod` sets `spec.hostUsers: false` and the version relaxes checks for it. */
export function isRelaxedUserNamespacePod(pod: PodContext): boolean {
  return (
    pssAtLeast(pod.options.pssVersion, USER_NAMESPACE_RELAXATION_MINOR) &&
    booleanOf(pod.spec.hostUsers) === false
  );
}
