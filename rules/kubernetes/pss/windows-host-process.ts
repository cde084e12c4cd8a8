import { fieldPath } from "../../field-path";
import { BASELINE_PROFILES } from "../../profile";
import { Violation } from "../../rule";
import { KubernetesRule } from "../kubernetes-rule";
import { recordOf } from "../../read";
import {
  SecurityContextAt,
  containerSecurityContext,
  podSecurityContext,
} from "./support/security-context";

function hostProcessEnabled(securityContext: SecurityContextAt): Violation[] {
  return recordOf(securityContext.fields.windowsOptions)?.hostProcess === true
    ? [
        {
          path: fieldPath(securityContext.path, "windowsOptions", "hostProcess"),
          message: "windowsOptions.hostProcess is true; expected false or unset",
        },
      ]
    : [];
}

/** PSS baseline "HostProcess": `windowsOptions.hostProcess` must be unset or false everywhere. */
export const windowsHostProcess: KubernetesRule = {
  id: "windows-host-process",
  title: "Pods must not run Windows HostProcess containers",
  description:
    "A Windows HostProcess container runs directly on the node, outside any container isolation, with access to the host's network, storage and devices.",
  severity: "error",
  profiles: BASELINE_PROFILES,
  target: "kubernetes",
  references: {
    pss: { level: "baseline", control: "HostProcess", psaCheckId: "windowsHostProcess" },
    cisKubernetes: ["5.2.11"],
    kyverno: ["disallow-host-process"],
  },
  remediation:
    "Remove securityContext.windowsOptions.hostProcess (pod and containers) or set it to false.",
  checkPod: (pod) => hostProcessEnabled(podSecurityContext(pod)),
  checkContainer: (container) => hostProcessEnabled(containerSecurityContext(container)),
};
