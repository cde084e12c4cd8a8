import { HARDENED_PROFILES } from "../../profile";
import { Violation } from "../../rule";
import { KubernetesRule } from "../kubernetes-rule";
import { InheritedIdField, podId, podSecurityPath } from "../effective-security";
import { fieldPath } from "../../field-path";
import { isWindowsPod } from "./support/linux-only";

const FIELDS: readonly InheritedIdField[] = ["runAsUser", "runAsGroup"];

function tooLow(value: unknown, minUid: number): value is number {
  return typeof value === "number" && value > 0 && value < minUid;
}

function message(field: InheritedIdField, value: number, minUid: number, where: string): string {
  return `${where}${field} is ${value}; expected ${minUid} or more, above the IDs of the node's own users`;
}

/** Hardened extra: explicit non-root UIDs and GIDs are at least `minUid` (10000 by default). */
export const highUid: KubernetesRule = {
  id: "high-uid",
  title: "runAsUser and runAsGroup must be at least the minimum UID",
  description:
    "Without user namespaces a container's UID is the node's UID: a low ID such as 1000 is shared with a real user on the node, whose files a breakout then owns. Only values that are set are judged, each where it is written (a pod-level value once at the pod): 0 is left to run-as-user and run-as-group, which report it as root, an unset runAsGroup to run-as-group, and an unset runAsUser leaves the image's USER, which a workload rule cannot see (the image rules judge it). Pods with spec.hostUsers: false (user namespaces) map IDs to a private range and are skipped, as are Windows pods. The minimum is the minUid option (default 10000). Visits init, regular and ephemeral containers.",
  severity: "warning",
  profiles: HARDENED_PROFILES,
  target: "kubernetes",
  references: {
    checkov: ["CKV_K8S_40"],
    trivy: ["KSV020", "KSV021"],
    docs: ["https://kubernetes.io/docs/concepts/workloads/pods/user-namespaces/"],
  },
  remediation:
    "Run as a high UID and GID such as 65532 (securityContext.runAsUser and runAsGroup), or set spec.hostUsers: false to run the pod in a user namespace.",
  checkPod: (pod) => {
    if (isWindowsPod(pod) || pod.spec.hostUsers === false) {
      return [];
    }
    const violations: Violation[] = [];
    for (const field of FIELDS) {
      const value = podId(pod, field);
      if (tooLow(value, pod.options.minUid)) {
        violations.push({
          path: podSecurityPath(pod, field),
          message: message(field, value, pod.options.minUid, "the pod's "),
        });
      }
    }
    return violations;
  },
  checkContainer: (ctx, pod) => {
    if (isWindowsPod(pod) || pod.spec.hostUsers === false) {
      return [];
    }
    const violations: Violation[] = [];
    for (const field of FIELDS) {
      const value: unknown = ctx.container.securityContext?.[field];
      if (tooLow(value, pod.options.minUid)) {
        violations.push({
          path: fieldPath(ctx.path, "securityContext", field),
          message: message(field, value, pod.options.minUid, ""),
        });
      }
    }
    return violations;
  },
};
