import { fieldPath } from "../../field-path";
import { HARDENED_PROFILES } from "../../profile";
import { KubernetesRule } from "../kubernetes-rule";
import { setReadOnlyRootFilesystem } from "../pod-spec-fixes";
import { isWindowsPod } from "./support/linux-only";

/** Hardened extra: every container's root filesystem is mounted read-only. */
export const readOnlyRootFilesystem: KubernetesRule = {
  id: "read-only-root-filesystem",
  title: "Containers must have a read-only root filesystem",
  description:
    "A writable root filesystem lets an attacker drop tools and persist changes; writable paths belong on size-limited emptyDir volumes. Visits init, regular and ephemeral containers; Windows pods (spec.os.name: windows) are skipped, as they cannot set it.",
  severity: "error",
  profiles: HARDENED_PROFILES,
  target: "kubernetes",
  references: {
    cisDocker: ["5.13"],
    kubeLinter: ["no-read-only-root-fs"],
    checkov: ["CKV_K8S_22"],
    polaris: ["notReadOnlyRootFilesystem"],
    kyverno: ["require-ro-rootfs"],
  },
  remediation:
    "Set securityContext.readOnlyRootFilesystem: true and mount an emptyDir (with sizeLimit) at each path the program writes to, such as /tmp.",
  fix: setReadOnlyRootFilesystem,
  checkContainer: ({ container, path }, pod) =>
    isWindowsPod(pod) || container.securityContext?.readOnlyRootFilesystem === true
      ? []
      : [
          {
            path: fieldPath(path, "securityContext", "readOnlyRootFilesystem"),
            message: `readOnlyRootFilesystem is ${JSON.stringify(container.securityContext?.readOnlyRootFilesystem) ?? "unset"}; expected true`,
          },
        ],
};
