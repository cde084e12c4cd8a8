import { BASELINE_PROFILES } from "../../profile";
import { KubernetesRule } from "../kubernetes-rule";
import { nonDefaultProcMount } from "./support/proc-mount-value";
import { USER_NAMESPACE_RELAXATION_MINOR, isRelaxedUserNamespacePod } from "./support/relaxations";

/**
 * PSS baseline "/proc Mount Type": `procMount` must be unset or `Default`, except, from v1.35, in
 * pods with `hostUsers: false`.
 */
export const procMount: KubernetesRule = {
  id: "proc-mount",
  title: "Containers must keep the default /proc masks",
  description: `An Unmasked /proc exposes kernel interfaces the runtime hides from containers. From v1.${USER_NAMESPACE_RELAXATION_MINOR}, the baseline level allows any procMount in a pod with spec.hostUsers: false, whose user namespace contains it; before v1.${USER_NAMESPACE_RELAXATION_MINOR} that relaxation needed the alpha UserNamespacesPodSecurityStandards feature gate, which is off by default, so it is not applied. The restricted level never relaxes (see proc-mount-restricted).`,
  severity: "error",
  profiles: BASELINE_PROFILES,
  target: "kubernetes",
  references: {
    pss: { level: "baseline", control: "/proc Mount Type", psaCheckId: "procMount" },
    kubeLinter: ["unsafe-proc-mount"],
    kyverno: ["disallow-proc-mount"],
  },
  coveredBy: ["proc-mount-restricted"],
  remediation: "Remove securityContext.procMount or set it to Default.",
  checkContainer: (container, pod) =>
    isRelaxedUserNamespacePod(pod) ? [] : nonDefaultProcMount(container),
};
