import { HARDENED_PROFILES } from "../../profile";
import { KubernetesRule } from "../kubernetes-rule";

/** Hardened extra: the workload names a namespace other than `default`. */
export const defaultNamespace: KubernetesRule = {
  id: "default-namespace",
  title: "Workloads must not be in the default namespace",
  description:
    "The default namespace is where everything without a home lands: its quotas, network policies and role bindings are rarely made for one application. A workload without metadata.namespace goes to whatever namespace the deployer's context or provider names, usually default, so it is reported too.",
  severity: "warning",
  profiles: HARDENED_PROFILES,
  target: "kubernetes",
  references: {
    cisKubernetes: ["5.7.4"],
    checkov: ["CKV_K8S_21"],
    docs: [
      "https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/#initial-namespaces",
    ],
  },
  remediation:
    "Set metadata.namespace to the application's own namespace, with its quotas, network policies and role bindings.",
  checkPod: ({ workload }) => {
    const namespace: unknown = workload.metadata?.namespace;
    if (typeof namespace === "string" && namespace !== "" && namespace !== "default") {
      return [];
    }
    return [
      {
        path: "metadata.namespace",
        message: `metadata.namespace is ${typeof namespace === "string" && namespace !== "" ? '"default"' : "unset, so the workload goes to the deployer's current namespace, usually default"}; expected the application's own namespace`,
      },
    ];
  },
};
