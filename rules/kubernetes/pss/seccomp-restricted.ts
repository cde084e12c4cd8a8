import { RESTRICTED_PROFILES } from "../../profile";
import { KubernetesRule } from "../kubernetes-rule";
import { setSeccompRuntimeDefault } from "../pod-spec-fixes";
import { isExemptWindowsPod } from "./support/relaxations";
import {
  forbiddenSeccompProfile,
  seccompSetting,
  seccompTypePath,
} from "./support/seccomp-profile";
import { containerSecurityContext, podSecurityContext } from "./support/security-context";

/**
 * PSS restricted "Seccomp": every container must run with seccomp RuntimeDefault or Localhost,
 * set on the container or as the pod default.
 */
export const seccompRestricted: KubernetesRule = {
  id: "seccomp-restricted",
  title: "Containers must run with the RuntimeDefault or a Localhost seccomp profile",
  description:
    "Without a seccomp profile a container can make every system call. The pod's seccompProfile is the default for containers that set none; a container's own profile overrides it. An explicit bad value is reported where it is set; a container left without a profile is reported at its own field. Pods with spec.os.name: windows are exempt, as upstream exempts them from v1.25. Upstream runs this check instead of seccomp-baseline at the restricted level; seccomp-baseline names this rule in coveredBy, so an Unconfined profile is reported once, by this rule, unless this rule's finding is exempted.",
  severity: "error",
  profiles: RESTRICTED_PROFILES,
  target: "kubernetes",
  skipsPod: isExemptWindowsPod,
  overrides: ["seccomp-baseline"],
  references: {
    pss: { level: "restricted", control: "Seccomp", psaCheckId: "seccompProfile_restricted" },
    cisKubernetes: ["5.7.2"],
    checkov: ["CKV_K8S_31"],
    kyverno: ["restrict-seccomp-strict"],
  },
  remediation:
    "Set spec.securityContext.seccompProfile.type: RuntimeDefault on the pod (or on each container), or Localhost with a profile on the nodes.",
  fix: setSeccompRuntimeDefault,
  checkPod: (pod) =>
    isExemptWindowsPod(pod) ? [] : forbiddenSeccompProfile(podSecurityContext(pod)),
  checkContainer: (container, pod) => {
    if (isExemptWindowsPod(pod)) {
      return [];
    }
    const own = containerSecurityContext(container);
    if (seccompSetting(own) !== "unset") {
      return forbiddenSeccompProfile(own);
    }
    // An allowed pod default covers the container; a forbidden one is reported once, at the pod.
    if (seccompSetting(podSecurityContext(pod)) !== "unset") {
      return [];
    }
    return [
      {
        path: seccompTypePath(own),
        message:
          "seccompProfile is unset and the pod sets no default; expected RuntimeDefault or Localhost (set at container level or as the pod default)",
      },
    ];
  },
};
