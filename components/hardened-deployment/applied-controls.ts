import { isKnownRuleId } from "../../rules/catalog";
import { fieldPath } from "../../rules/field-path";
import { isSha256Digest, parseImageReference } from "../../rules/image-reference";
import {
  HARDENED_CONTAINER_SECURITY_CONTEXT,
  ImageUser,
  podSecurityDefaults,
} from "./security-context";

/** A hardening default in effect in the emitted workload, and the rules it satisfies. */
export interface AppliedControl {
  /** Field path in the workload, e.g. `spec.template.spec.securityContext.runAsNonRoot`. */
  readonly field: string;
  /** The value written there. */
  readonly value: unknown;
  /** The ids of the rules this value satisfies (only rules that exist in the catalog). */
  readonly ruleIds: readonly string[];
}

const POD_FIELD_RULES: Readonly<Record<string, readonly string[]>> = {
  runAsNonRoot: ["run-as-non-root"],
  runAsUser: ["run-as-user", "high-uid"],
  runAsGroup: ["run-as-group", "high-uid"],
  seccompProfile: ["seccomp-baseline", "seccomp-restricted"],
};

const CONTAINER_FIELD_RULES: Readonly<Record<string, readonly string[]>> = {
  privileged: ["privileged"],
  allowPrivilegeEscalation: ["allow-privilege-escalation"],
  readOnlyRootFilesystem: ["read-only-root-filesystem"],
  capabilities: ["capabilities-restricted", "drop-net-raw"],
};

type Plain = Record<string, unknown>;

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The hardening defaults still in effect in `podSpec` (those no override removed or changed),
 * each with the rule ids it satisfies. Read from the final spec, so it never claims a control that
 * is not there.
 *
 * @param specPath field path of the pod spec in the workload.
 * @param user the image's user, when the defaults came from it.
 * @param createdServiceAccount true when a dedicated ServiceAccount was created for the pod.
 */
export function appliedControls(
  podSpec: Plain,
  specPath: string,
  user: ImageUser | undefined,
  createdServiceAccount: boolean,
): AppliedControl[] {
  const out: AppliedControl[] = [];
  const add = (field: string, value: unknown, ruleIds: readonly string[]) => {
    const known = ruleIds.filter(isKnownRuleId);
    if (known.length > 0) {
      out.push({ field, value, ruleIds: known });
    }
  };
  if (podSpec.automountServiceAccountToken === false) {
    add(fieldPath(specPath, "automountServiceAccountToken"), false, [
      "automount-service-account-token",
    ]);
  }
  if (createdServiceAccount) {
    add(fieldPath(specPath, "serviceAccountName"), podSpec.serviceAccountName, [
      "default-service-account",
    ]);
  }
  const podDefaults = podSecurityDefaults(user) as Plain;
  const podContext = (podSpec.securityContext ?? {}) as Plain;
  for (const [key, ruleIds] of Object.entries(POD_FIELD_RULES)) {
    if (same(podContext[key], podDefaults[key])) {
      add(fieldPath(specPath, "securityContext", key), podContext[key], ruleIds);
    }
  }
  const lists = ["initContainers", "containers"].flatMap((list) =>
    ((podSpec[list] ?? []) as Plain[]).map((container, index) => ({ list, container, index })),
  );
  lists.forEach(({ list, container, index }) => {
    const path = fieldPath(specPath, list, index);
    const context = (container.securityContext ?? {}) as Plain;
    for (const [key, ruleIds] of Object.entries(CONTAINER_FIELD_RULES)) {
      if (same(context[key], (HARDENED_CONTAINER_SECURITY_CONTEXT as Plain)[key])) {
        add(fieldPath(path, "securityContext", key), context[key], ruleIds);
      }
    }
    const image = container.image;
    if (typeof image === "string" && isSha256Digest(parseImageReference(image).digest)) {
      add(fieldPath(path, "image"), image, ["image-digest"]);
    }
    if (container.resources !== undefined) {
      add(fieldPath(path, "resources"), container.resources, ["resource-requests", "memory-limit"]);
    }
  });
  ((podSpec.volumes ?? []) as Plain[]).forEach((volume, index) => {
    if (volume.emptyDir !== undefined) {
      add(
        fieldPath(specPath, "volumes", index, "emptyDir", "sizeLimit"),
        (volume.emptyDir as Plain).sizeLimit,
        ["empty-dir-size-limit"],
      );
    }
  });
  return out;
}
