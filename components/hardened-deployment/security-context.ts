import { PodSecurityContext, SecurityContext } from "../../rules/kubernetes/types";
import { HardenedArgsError } from "./errors";
import { ruleFixDefaults } from "./rule-fix-defaults";

/**
 * Overrides for a set of defaults: a value replaces the default, `null` removes the field from the
 * output (the default is not applied and nothing is written), `undefined` or a missing key keeps
 * the default. Object values (`capabilities`, `seccompProfile`) replace the default as a whole.
 */
export type Overrides<T> = { readonly [K in keyof T]?: T[K] | null };

/** The user and group a non-root image runs as. */
export interface ImageUser {
  /** Numeric user id. */
  readonly uid: number;
  /** Numeric group id. */
  readonly gid: number;
}

/** The user and group used when the image declares none: `nobody`/`nogroup` (65534). */
export const DEFAULT_IMAGE_USER: ImageUser = { uid: 65534, gid: 65534 };

/** What the fixes the Kubernetes rules carry ask of a pod: the source of the defaults below. */
const FROM_RULE_FIXES = ruleFixDefaults();

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

function plainCopy<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/**
 * The pod-level securityContext every hardened pod starts from: what the rules' fixes ask of the
 * pod and of every container (`runAsNonRoot: true`, `seccompProfile: {type: RuntimeDefault}`),
 * plus a numeric, non-zero user and group. `runAsUser`, `runAsGroup` and `fsGroup` are
 * {@link DEFAULT_IMAGE_USER}, or the image's user when the image declares one.
 */
export const HARDENED_POD_SECURITY_CONTEXT: Readonly<PodSecurityContext> = deepFreeze({
  ...plainCopy(FROM_RULE_FIXES.podSecurityContext),
  runAsUser: DEFAULT_IMAGE_USER.uid,
  runAsGroup: DEFAULT_IMAGE_USER.gid,
  fsGroup: DEFAULT_IMAGE_USER.gid,
});

/**
 * The securityContext every hardened container starts from: what the rules' fixes ask of every
 * container in fields that only exist at container level (`allowPrivilegeEscalation: false`,
 * `readOnlyRootFilesystem: true`, `capabilities.drop: ["ALL"]`), plus `privileged: false`.
 * Pod-level fields (user, group, seccomp) are inherited from the pod so that removing one at pod
 * level really removes it.
 */
export const HARDENED_CONTAINER_SECURITY_CONTEXT: Readonly<SecurityContext> = deepFreeze({
  privileged: false,
  ...plainCopy(FROM_RULE_FIXES.containerSecurityContext),
});

/**
 * The pod's `automountServiceAccountToken` unless an argument sets it: false, as the fix of
 * `automount-service-account-token` asks (true, the Kubernetes default, if no fix asked for false).
 */
export const HARDENED_AUTOMOUNT_SERVICE_ACCOUNT_TOKEN: boolean =
  FROM_RULE_FIXES.podSpec.automountServiceAccountToken !== false;

/** The pod defaults for an image that runs as `user`. */
export function podSecurityDefaults(user: ImageUser = DEFAULT_IMAGE_USER): PodSecurityContext {
  return {
    ...HARDENED_POD_SECURITY_CONTEXT,
    runAsUser: user.uid,
    runAsGroup: user.gid,
    fsGroup: user.gid,
  };
}

/**
 * Merges three layers, weakest first: `defaults`, the fields already written (`existing`, kept as
 * written, never dropped), then `overrides` (a value wins, `null` removes the field whichever layer
 * set it). Returns a fresh plain object.
 */
export function mergeSecurityContext<T extends object>(
  defaults: T,
  existing: T | undefined,
  overrides: Overrides<T> | undefined,
): T {
  const out: Record<string, unknown> = {
    ...(plainCopy(defaults) as Record<string, unknown>),
    ...(plainCopy(existing ?? {}) as Record<string, unknown>),
  };
  for (const [key, value] of Object.entries(overrides ?? {})) {
    if (value === null) {
      delete out[key];
    } else if (value !== undefined) {
      out[key] = plainCopy(value);
    }
  }
  return out as T;
}

/**
 * Checks that the numeric id fields of a securityContext override (`runAsUser`, `runAsGroup`,
 * `fsGroup`) are non-negative integers or null: Kubernetes takes no user names there.
 */
export function checkNumericIds(overrides: object | undefined, arg: string, owner: string): void {
  const record = (overrides ?? {}) as Record<string, unknown>;
  for (const key of ["runAsUser", "runAsGroup", "fsGroup"]) {
    const value = record[key];
    if (
      value !== undefined &&
      value !== null &&
      (typeof value !== "number" || !Number.isInteger(value) || value < 0)
    ) {
      throw new HardenedArgsError(
        owner,
        `${arg}.${key}`,
        `expected a non-negative integer id (Kubernetes takes no user names) or null to remove it, got ${JSON.stringify(value)}`,
      );
    }
  }
}
