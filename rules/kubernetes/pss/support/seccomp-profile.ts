import { fieldPath } from "../../../field-path";
import { Violation } from "../../../rule";
import { describe, recordOf } from "../../../read";
import { SecurityContextAt } from "./security-context";

/** The seccomp profile types the Pod Security Standards accept. */
const ALLOWED_SECCOMP_TYPES: ReadonlySet<string> = new Set(["RuntimeDefault", "Localhost"]);

/** How a security context sets `seccompProfile`. */
export type SeccompSetting = "unset" | "allowed" | "forbidden";

/**
 * Whether `securityContext` sets no seccomp profile, an allowed one, or one of another type
 * (Unconfined, or a profile without a valid type, as upstream treats it).
 */
export function seccompSetting(securityContext: SecurityContextAt): SeccompSetting {
  const profile = recordOf(securityContext.fields.seccompProfile);
  if (!profile) {
    return "unset";
  }
  return typeof profile.type === "string" && ALLOWED_SECCOMP_TYPES.has(profile.type)
    ? "allowed"
    : "forbidden";
}

/** Field path of `seccompProfile.type` in `securityContext`. */
export function seccompTypePath(securityContext: SecurityContextAt): string {
  return fieldPath(securityContext.path, "seccompProfile", "type");
}

/** The violation for a security context whose seccomp profile has a forbidden type, if any. */
export function forbiddenSeccompProfile(securityContext: SecurityContextAt): Violation[] {
  if (seccompSetting(securityContext) !== "forbidden") {
    return [];
  }
  const type = recordOf(securityContext.fields.seccompProfile)?.type;
  return [
    {
      path: seccompTypePath(securityContext),
      message: `seccompProfile.type is ${describe(type)}; expected RuntimeDefault or Localhost`,
    },
  ];
}
