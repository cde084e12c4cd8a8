import { KubernetesObject } from "../rules/kubernetes/types";

/**
 * Pulumi type tokens of every Kubernetes workload resource in `@pulumi/kubernetes`, current and
 * legacy API versions. Resources created directly, by `yaml.ConfigFile`/`ConfigGroup` or by Helm
 * `Chart` v3 and v4 are all registered with these tokens.
 */
export const KUBERNETES_WORKLOAD_TYPES: readonly string[] = [
  "kubernetes:core/v1:Pod",
  "kubernetes:core/v1:PodTemplate",
  "kubernetes:core/v1:ReplicationController",
  "kubernetes:apps/v1:Deployment",
  "kubernetes:apps/v1:StatefulSet",
  "kubernetes:apps/v1:DaemonSet",
  "kubernetes:apps/v1:ReplicaSet",
  "kubernetes:apps/v1beta1:Deployment",
  "kubernetes:apps/v1beta1:StatefulSet",
  "kubernetes:apps/v1beta2:Deployment",
  "kubernetes:apps/v1beta2:StatefulSet",
  "kubernetes:apps/v1beta2:DaemonSet",
  "kubernetes:apps/v1beta2:ReplicaSet",
  "kubernetes:extensions/v1beta1:Deployment",
  "kubernetes:extensions/v1beta1:DaemonSet",
  "kubernetes:extensions/v1beta1:ReplicaSet",
  "kubernetes:batch/v1:Job",
  "kubernetes:batch/v1:CronJob",
  "kubernetes:batch/v1beta1:CronJob",
  "kubernetes:batch/v2alpha1:CronJob",
];

const WORKLOAD_TYPES: ReadonlySet<string> = new Set(KUBERNETES_WORKLOAD_TYPES);

/** True when `type` is the Pulumi type token of a Kubernetes workload. */
export function isKubernetesWorkloadType(type: string): boolean {
  return WORKLOAD_TYPES.has(type);
}

/**
 * The Kubernetes object a workload resource's properties describe. `apiVersion` and `kind` come
 * from the type token (`kubernetes:apps/v1:Deployment` is `apps/v1` `Deployment`, `core/v1` is
 * `v1`); every other field is read from `props` when a rule reads it, so unknown values stay lazy.
 */
export function kubernetesObjectOf(type: string, props: object): KubernetesObject {
  const [, group, kind] = type.split(":");
  const apiVersion = group.startsWith("core/") ? group.slice("core/".length) : group;
  return new Proxy(props, {
    get(target, prop, receiver) {
      if (prop === "kind") {
        return kind;
      }
      if (prop === "apiVersion") {
        return apiVersion;
      }
      return Reflect.get(target, prop, receiver);
    },
  }) as KubernetesObject;
}
