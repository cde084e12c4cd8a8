import { fieldPath } from "../../field-path";
import { HARDENED_PROFILES } from "../../profile";
import { KubernetesRule } from "../kubernetes-rule";
import { disableServiceAccountTokenAutomount } from "../pod-spec-fixes";

/** Hardened extra: the pod does not mount a Kubernetes API token. */
export const automountServiceAccountToken: KubernetesRule = {
  id: "automount-service-account-token",
  title: "Pods must set automountServiceAccountToken: false",
  description:
    "By default every container gets a token for the Kubernetes API; a compromised container then acts with its service account's rights. The pod field wins over the ServiceAccount's own setting, which a workload rule cannot see, so the pod must set false explicitly. A pod that needs the API should mount a projected token in the container that uses it.",
  severity: "error",
  profiles: HARDENED_PROFILES,
  target: "kubernetes",
  references: {
    cisKubernetes: ["5.1.6"],
    checkov: ["CKV_K8S_38"],
    kyverno: ["restrict-automount-sa-token"],
    docs: [
      "https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/#opt-out-of-api-credential-automounting",
    ],
  },
  remediation:
    "Set spec.automountServiceAccountToken: false; where a container needs the API, add a projected serviceAccountToken volume to that container only.",
  fix: disableServiceAccountTokenAutomount,
  checkPod: ({ spec, specPath }) => {
    const value: unknown = spec.automountServiceAccountToken;
    return value === false
      ? []
      : [
          {
            path: fieldPath(specPath, "automountServiceAccountToken"),
            message: `automountServiceAccountToken is ${value === undefined ? "unset (true)" : JSON.stringify(value)}; expected false`,
          },
        ];
  },
};
