import { RESTRICTED_PROFILES } from "../../profile";
import { KubernetesRule } from "../kubernetes-rule";
import { pssAtLeast } from "../pss-version";
import { nonDefaultProcMount } from "./support/proc-mount-value";
import { USER_NAMESPACE_RELAXATION_MINOR } from "./support/relaxations";

/**
 * PSS restricted "/proc Mount Type" (v1.35+): `procMount` must be unset or `Default` even in pods
 * with `hostUsers: false`.
 */
export const procMountRestricted: KubernetesRule = {
  id: "proc-mount-restricted",
  title: "Containers must keep the default /proc masks, even in a user namespace",
  description: `The restricted level's own procMount check, added in v1.${USER_NAMESPACE_RELAXATION_MINOR} when the baseline check started to allow any procMount in pods with spec.hostUsers: false. It applies from v1.${USER_NAMESPACE_RELAXATION_MINOR}; for earlier versions proc-mount already forbids every non-default value. Upstream runs it instead of the baseline check at the restricted level; proc-mount names this rule in coveredBy, so a non-default procMount is reported once, by this rule, from v1.35, unless this rule's finding is exempted.`,
  severity: "error",
  profiles: RESTRICTED_PROFILES,
  target: "kubernetes",
  references: {
    pss: { level: "restricted", control: "/proc Mount Type", psaCheckId: "procMount_restricted" },
    kubeLinter: ["unsafe-proc-mount"],
    docs: [
      "https://kubernetes.io/docs/concepts/workloads/pods/user-namespaces/#integration-with-pod-security-admission-checks",
    ],
  },
  remediation: "Remove securityContext.procMount or set it to Default.",
  checkContainer: (container, pod) =>
    pssAtLeast(pod.options.pssVersion, USER_NAMESPACE_RELAXATION_MINOR)
      ? nonDefaultProcMount(container)
      : [],
};
