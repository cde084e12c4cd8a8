import { HARDENED_PROFILES } from "../../profile";
import { KubernetesRule } from "../kubernetes-rule";
import { listOf, recordOf } from "../../read";

/** Hardened extra: pods are created by a controller, not on their own. */
export const barePod: KubernetesRule = {
  id: "bare-pod",
  title: "Pods must be managed by a controller",
  description:
    "A bare Pod is not recreated when its node fails or is drained, and cannot be rolled out or rolled back. A Pod whose metadata.ownerReferences names a controller (controller: true) is managed and passes.",
  severity: "warning",
  profiles: HARDENED_PROFILES,
  target: "kubernetes",
  references: {
    docs: [
      "https://kubernetes.io/docs/concepts/configuration/overview/#naked-pods-vs-replicasets-deployments-and-jobs",
    ],
  },
  remediation: "Run the pod from a Deployment, StatefulSet, DaemonSet or Job.",
  checkPod: ({ workload }) => {
    if (workload.kind !== "Pod") {
      return [];
    }
    const owners = listOf(recordOf(workload.metadata)?.ownerReferences);
    if (owners.some((owner) => recordOf(owner)?.controller === true)) {
      return [];
    }
    return [
      {
        path: "kind",
        message:
          "kind is Pod with no controller owner; expected a Deployment, StatefulSet, DaemonSet or Job",
      },
    ];
  },
};
