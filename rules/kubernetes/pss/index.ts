import { KubernetesRule } from "../kubernetes-rule";
import { allowPrivilegeEscalation } from "./allow-privilege-escalation";
import { apparmor } from "./apparmor";
import { capabilitiesBaseline } from "./capabilities-baseline";
import { capabilitiesRestricted } from "./capabilities-restricted";
import { hostNamespaces } from "./host-namespaces";
import { hostPathVolumes } from "./host-path-volumes";
import { hostPorts } from "./host-ports";
import { hostProbesLifecycle } from "./host-probes-lifecycle";
import { privileged } from "./privileged";
import { procMount } from "./proc-mount";
import { procMountRestricted } from "./proc-mount-restricted";
import { runAsNonRoot } from "./run-as-non-root";
import { runAsUser } from "./run-as-user";
import { seccompBaseline } from "./seccomp-baseline";
import { seccompRestricted } from "./seccomp-restricted";
import { selinux } from "./selinux";
import { sysctls } from "./sysctls";
import { volumeTypes } from "./volume-types";
import { windowsHostProcess } from "./windows-host-process";

/** The Pod Security Standards baseline controls. */
export const PSS_BASELINE_RULES: readonly KubernetesRule[] = [
  hostNamespaces,
  privileged,
  capabilitiesBaseline,
  hostPathVolumes,
  hostPorts,
  apparmor,
  selinux,
  procMount,
  seccompBaseline,
  sysctls,
  windowsHostProcess,
  hostProbesLifecycle,
];

/** The Pod Security Standards restricted controls (the restricted level also has the baseline). */
export const PSS_RESTRICTED_RULES: readonly KubernetesRule[] = [
  volumeTypes,
  allowPrivilegeEscalation,
  runAsNonRoot,
  runAsUser,
  seccompRestricted,
  capabilitiesRestricted,
  procMountRestricted,
];

/** Every Pod Security Standards control, baseline then restricted. */
export const PSS_RULES: readonly KubernetesRule[] = [
  ...PSS_BASELINE_RULES,
  ...PSS_RESTRICTED_RULES,
];
