import { BASELINE_PROFILES } from "../../profile";
import { KubernetesRule } from "../kubernetes-rule";
import { setSeccompRuntimeDefault } from "../pod-spec-fixes";
import { forbiddenSeccompProfile } from "./support/seccomp-profile";
import { containerSecurityContext, podSecurityContext } from "./support/security-context";

/** PSS baseline "Seccomp": a seccomp profile, where one is set, must not be Unconfined. */
export const seccompBaseline: KubernetesRule = {
  id: "seccomp-baseline",
  title: "Seccomp must not be disabled",
  description:
    "seccompProfile.type Unconfined lets a container make every system call, including the ones container escapes use. At the baseline level a profile may be left unset; a profile that is set, at pod or container level, must be RuntimeDefault or Localhost.",
  severity: "error",
  profiles: BASELINE_PROFILES,
  target: "kubernetes",
  references: {
    pss: { level: "baseline", control: "Seccomp", psaCheckId: "seccompProfile_baseline" },
    cisKubernetes: ["5.7.2"],
    kyverno: ["restrict-seccomp"],
  },
  coveredBy: ["seccomp-restricted"],
  remediation:
    "Set seccompProfile.type to RuntimeDefault (or Localhost with a profile on the nodes) instead of Unconfined, at pod and container level.",
  fix: setSeccompRuntimeDefault,
  checkPod: (pod) => forbiddenSeccompProfile(podSecurityContext(pod)),
  checkContainer: (container) => forbiddenSeccompProfile(containerSecurityContext(container)),
};
