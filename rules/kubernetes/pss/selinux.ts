import { fieldPath } from "../../field-path";
import { BASELINE_PROFILES } from "../../profile";
import { Violation } from "../../rule";
import { KubernetesRule } from "../kubernetes-rule";
import { PodContext } from "../pod-context";
import { pssAtLeast } from "../pss-version";
import { describe, recordOf } from "../../read";
import {
  SecurityContextAt,
  containerSecurityContext,
  podSecurityContext,
} from "./support/security-context";

/** The SELinux types every supported version allows (the empty string means unset). */
const SELINUX_TYPES_V1_0: readonly string[] = [
  "",
  "container_t",
  "container_init_t",
  "container_kvm_t",
];

/** The version that added `container_engine_t` to the allowed SELinux types. */
const SELINUX_ENGINE_TYPE_MINOR = 31;

/** The SELinux types the Pod Security Standards version in force allows. */
function allowedSelinuxTypes(pod: PodContext): readonly string[] {
  return pssAtLeast(pod.options.pssVersion, SELINUX_ENGINE_TYPE_MINOR)
    ? [...SELINUX_TYPES_V1_0, "container_engine_t"]
    : SELINUX_TYPES_V1_0;
}

function checkOptions(securityContext: SecurityContextAt, pod: PodContext): Violation[] {
  const options = recordOf(securityContext.fields.seLinuxOptions);
  if (!options) {
    return [];
  }
  const optionsPath = fieldPath(securityContext.path, "seLinuxOptions");
  const violations: Violation[] = [];
  const allowed = allowedSelinuxTypes(pod);
  const type = options.type ?? "";
  if (typeof type !== "string" || !allowed.includes(type)) {
    violations.push({
      path: fieldPath(optionsPath, "type"),
      message: `seLinuxOptions.type is ${describe(type)}; expected unset or one of ${allowed
        .filter((t) => t !== "")
        .join(", ")} (Pod Security Standards ${pod.options.pssVersion.label})`,
    });
  }
  for (const field of ["user", "role"] as const) {
    const value = options[field];
    if (value !== undefined && value !== null && value !== "") {
      violations.push({
        path: fieldPath(optionsPath, field),
        message: `seLinuxOptions.${field} is ${describe(value)}; expected unset`,
      });
    }
  }
  return violations;
}

/**
 * PSS baseline "SELinux": `seLinuxOptions.type` must be one of the container types, and
 * `seLinuxOptions.user` and `.role` must be unset, at pod and container level.
 */
export const selinux: KubernetesRule = {
  id: "selinux",
  title: "SELinux options must not set a custom user or role or a non-container type",
  description: `A custom SELinux type, user or role can lift the confinement the runtime's container policy applies. The allowed types follow the version: container_t, container_init_t and container_kvm_t, plus container_engine_t from v1.${SELINUX_ENGINE_TYPE_MINOR}. seLinuxOptions.level is not restricted.`,
  severity: "error",
  profiles: BASELINE_PROFILES,
  target: "kubernetes",
  references: {
    pss: { level: "baseline", control: "SELinux", psaCheckId: "seLinuxOptions" },
    kyverno: ["disallow-selinux"],
    docs: [
      "https://kubernetes.io/docs/tasks/configure-pod-container/security-context/#assign-selinux-labels-to-a-container",
    ],
  },
  remediation:
    "Remove seLinuxOptions.user and seLinuxOptions.role, and remove seLinuxOptions.type or set it to container_t (or another allowed container type).",
  checkPod: (pod) => checkOptions(podSecurityContext(pod), pod),
  checkContainer: (container, pod) => checkOptions(containerSecurityContext(container), pod),
};
