import { fieldPath } from "../../field-path";
import { HARDENED_PROFILES } from "../../profile";
import { Violation } from "../../rule";
import { KubernetesRule } from "../kubernetes-rule";
import { effectiveId, podId, podSecurityPath } from "../effective-security";
import { isWindowsPod } from "./support/linux-only";

/** Hardened extra: every container runs with a non-zero primary group. */
export const runAsGroup: KubernetesRule = {
  id: "run-as-group",
  title: "Containers must run with a non-zero runAsGroup, fsGroup and supplementalGroups",
  description:
    "Without runAsGroup a process keeps the image's group, usually 0 (root), and can read and write every root-group file of the image and of shared volumes; the Pod Security Standards do not check the group. fsGroup 0 or a 0 in supplementalGroups (pod-level fields only) adds group 0 to every container, so each is reported at its own field. A container's own value wins over the pod's: a pod-level runAsGroup of 0 is reported once at the pod, a container's 0 at the container, and a container with neither at its own securityContext. Visits init, regular and ephemeral containers; Windows pods (spec.os.name: windows) are skipped, as they cannot set it.",
  severity: "error",
  profiles: HARDENED_PROFILES,
  target: "kubernetes",
  references: {
    kyverno: ["require-non-root-groups"],
    trivy: ["KSV029"],
    docs: [
      "https://kubernetes.io/docs/tasks/configure-pod-container/security-context/#set-the-security-context-for-a-pod",
    ],
  },
  remediation:
    "Set securityContext.runAsGroup to a non-zero group ID (such as 65532) in the pod's securityContext, or in each container's; set the pod's fsGroup to a non-zero group ID (or leave it unset) and remove 0 from supplementalGroups.",
  checkPod: (pod) => {
    if (isWindowsPod(pod)) {
      return [];
    }
    const violations: Violation[] = [];
    if (podId(pod, "runAsGroup") === 0) {
      violations.push({
        path: podSecurityPath(pod, "runAsGroup"),
        message:
          "the pod's runAsGroup is 0 (root), inherited by every container that does not set its own; expected a non-zero group ID",
      });
    }
    const context = pod.spec.securityContext;
    if (context?.fsGroup === 0) {
      violations.push({
        path: fieldPath(pod.specPath, "securityContext", "fsGroup"),
        message:
          "fsGroup is 0 (root): every container joins group 0 and volumes are owned by it; expected a non-zero group ID",
      });
    }
    const supplemental: unknown = context?.supplementalGroups;
    if (Array.isArray(supplemental)) {
      supplemental.forEach((group: unknown, i) => {
        if (group === 0) {
          violations.push({
            path: fieldPath(pod.specPath, "securityContext", "supplementalGroups", i),
            message:
              "supplementalGroups contains 0 (root): every container joins group 0; expected only non-zero group IDs",
          });
        }
      });
    }
    return violations;
  },
  checkContainer: (ctx, pod) => {
    if (isWindowsPod(pod)) {
      return [];
    }
    const group = effectiveId(ctx, pod, "runAsGroup");
    if (group.source === "unset") {
      return [
        {
          path: group.path,
          message:
            "runAsGroup is unset in the container and the pod, so the image's group (often 0, root) applies; expected a non-zero group ID",
        },
      ];
    }
    if (group.source === "container" && group.value === 0) {
      return [
        { path: group.path, message: "runAsGroup is 0 (root); expected a non-zero group ID" },
      ];
    }
    return [];
  },
};
