import { fieldPath } from "../../field-path";
import { BASELINE_PROFILES } from "../../profile";
import { Violation } from "../../rule";
import { KubernetesRule } from "../kubernetes-rule";
import { describe, recordOf, stringOf } from "../../read";
import {
  SecurityContextAt,
  containerSecurityContext,
  podSecurityContext,
} from "./support/security-context";

/** Prefix of the deprecated per-container AppArmor annotations on the pod's metadata. */
export const APPARMOR_ANNOTATION_PREFIX = "container.apparmor.security.beta.kubernetes.io/";

const ALLOWED_PROFILE_TYPES: ReadonlySet<string> = new Set(["RuntimeDefault", "Localhost"]);

function allowedAnnotationValue(value: string): boolean {
  return value === "" || value === "runtime/default" || value.startsWith("localhost/");
}

function checkProfileField(securityContext: SecurityContextAt): Violation[] {
  const profile = recordOf(securityContext.fields.appArmorProfile);
  if (!profile || (typeof profile.type === "string" && ALLOWED_PROFILE_TYPES.has(profile.type))) {
    return [];
  }
  return [
    {
      path: fieldPath(securityContext.path, "appArmorProfile", "type"),
      message: `appArmorProfile.type is ${describe(profile.type)}; expected RuntimeDefault or Localhost (or no appArmorProfile)`,
    },
  ];
}

/**
 * PSS baseline "AppArmor": the `appArmorProfile` field (pod and container level) must be
 * RuntimeDefault or Localhost, and the legacy per-container annotations must be `runtime/default`
 * or `localhost/*`.
 */
export const apparmor: KubernetesRule = {
  id: "apparmor",
  title: "AppArmor must not be disabled or overridden with an arbitrary profile",
  description: `Unconfined removes the AppArmor confinement the runtime applies by default. Upstream checks both the appArmorProfile fields and the legacy ${APPARMOR_ANNOTATION_PREFIX}<container> annotations at every policy version, so both are checked at every version here.`,
  severity: "error",
  profiles: BASELINE_PROFILES,
  target: "kubernetes",
  references: {
    pss: { level: "baseline", control: "AppArmor", psaCheckId: "appArmorProfile" },
    kyverno: ["restrict-apparmor-profiles"],
    docs: ["https://kubernetes.io/docs/tutorials/security/apparmor/"],
  },
  remediation: `Remove appArmorProfile or set its type to RuntimeDefault (or Localhost with a profile loaded on the nodes); set ${APPARMOR_ANNOTATION_PREFIX}<container> annotations to runtime/default or localhost/<profile>, or remove them.`,
  checkPod: (pod) => {
    const violations = checkProfileField(podSecurityContext(pod));
    const annotationsPath = fieldPath(pod.metadataPath, "annotations");
    for (const [key, raw] of Object.entries(recordOf(pod.metadata.annotations) ?? {})) {
      const value = stringOf(raw);
      if (
        key.startsWith(APPARMOR_ANNOTATION_PREFIX) &&
        value !== undefined &&
        !allowedAnnotationValue(value)
      ) {
        violations.push({
          path: fieldPath(annotationsPath, key),
          message: `annotation ${key} is ${describe(value)}; expected "runtime/default" or "localhost/<profile>"`,
          container: key.slice(APPARMOR_ANNOTATION_PREFIX.length),
        });
      }
    }
    return violations;
  },
  checkContainer: (container) => checkProfileField(containerSecurityContext(container)),
};
