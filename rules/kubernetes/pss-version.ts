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

/**
 * The versions {@link parsePssVersion} accepts, as the JSON schema `pattern` of the `pssVersion`
 * setting: "latest" or `v1.<minor>` from {@link OLDEST_PSS_MINOR} up, without leading zeros.
 */
export const PSS_VERSION_PATTERN = "^(latest|v1\\.(2[5-9]|[3-9][0-9]|[1-9][0-9]{2,}))$";

/** What {@link PSS_VERSION_PATTERN} allows, in words. */
export const PSS_VERSION_EXPECTED = `"latest" or v1.${OLDEST_PSS_MINOR} or later, like "v1.30"`;

const PSS_VERSION = new RegExp(PSS_VERSION_PATTERN);

/**
 * Parses `v1.25` … `v1.N` or `latest` (exactly the values of {@link PSS_VERSION_PATTERN}); throws
 * an error naming the accepted forms otherwise.
 */
export function parsePssVersion(value: string): PssVersion {
  if (value === "latest") {
    return LATEST_PSS_VERSION;
  }
  if (!PSS_VERSION.test(value)) {
    throw new Error(
      `invalid Pod Security Standards version "${value}": expected ${PSS_VERSION_EXPECTED}`,
    );
  }
  return { minor: Number(value.slice("v1.".length)), label: value };
}

/** True when `version` includes the definition introduced in Kubernetes 1.`minor`. */
export function pssAtLeast(version: PssVersion, minor: number): boolean {
  return version.minor >= minor;
}
