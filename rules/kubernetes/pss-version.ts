/**
 * A Pod Security Standards version, as in PSA's `pod-security.kubernetes.io/enforce-version` label.
 * `latest` evaluates the newest definition of every control.
 */
export interface PssVersion {
  /** Minor version of Kubernetes 1.x; `Infinity` for `latest`. */
  readonly minor: number;
  /** The label as written: `v1.29` or `latest`. */
  readonly label: string;
}

/** The oldest version `--pss-version` accepts. */
export const OLDEST_PSS_MINOR = 25;

/** `latest`: the newest definition of every control. */
export const LATEST_PSS_VERSION: PssVersion = { minor: Infinity, label: "latest" };

/** Parses `v1.25` … `v1.N` or `latest`; throws an error naming the accepted forms otherwise. */
export function parsePssVersion(value: string): PssVersion {
  if (value === "latest") {
    return LATEST_PSS_VERSION;
  }
  const match = /^v1\.(\d+)$/.exec(value);
  if (!match || Number(match[1]) < OLDEST_PSS_MINOR) {
    throw new Error(
      `invalid Pod Security Standards version "${value}": expected "latest" or v1.${OLDEST_PSS_MINOR} or later, like "v1.30"`,
    );
  }
  return { minor: Number(match[1]), label: value };
}

/** True when `version` includes the definition introduced in Kubernetes 1.`minor`. */
export function pssAtLeast(version: PssVersion, minor: number): boolean {
  return version.minor >= minor;
}
