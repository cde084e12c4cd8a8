import { LATEST_PSS_VERSION, PssVersion } from "./pss-version";

/** Settings for the Kubernetes rules. Every field has a default. */
export interface KubernetesRuleOptions {
  /**
   * The Pod Security Standards version to evaluate.
   * @default latest
   */
  readonly pssVersion?: PssVersion;
  /**
   * Registries (host, optionally with a path prefix, like `ghcr.io/acme`) that images may come
   * from. Empty allows every registry.
   * @default [] (any registry)
   */
  readonly allowedRegistries?: readonly string[];
  /**
   * The lowest UID and GID accepted by `high-uid`; IDs below it may collide with host users.
   * @default 10000
   */
  readonly minUid?: number;
}

/** Options with every default filled in. */
export type ResolvedKubernetesRuleOptions = Required<KubernetesRuleOptions>;

/** The UID threshold used when none is configured. */
export const DEFAULT_MIN_UID = 10000;

/** Fills in the defaults of `options`. */
export function resolveKubernetesRuleOptions(
  options: KubernetesRuleOptions = {},
): ResolvedKubernetesRuleOptions {
  return {
    pssVersion: options.pssVersion ?? LATEST_PSS_VERSION,
    allowedRegistries: options.allowedRegistries ?? [],
    minUid: options.minUid ?? DEFAULT_MIN_UID,
  };
}
