import { PodTemplateKind, workloadShapeOf } from "../rules/kubernetes/pod-templates";
import { KubernetesObject } from "../rules/kubernetes/types";
import { isWorkloadKind } from "../rules/kubernetes/workload-kinds";
import { isArgoWorkflow } from "../rules/kubernetes/argo-workflows";

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

/** `kubernetes:<group>/<version>:<Kind>` as the object's apiVersion and kind (`core/v1` is `v1`). */
function apiVersionAndKind(type: string): { apiVersion: string; kind: string } {
  const [, group = "", kind = ""] = type.split(":");
  return { apiVersion: group.startsWith("core/") ? group.slice("core/".length) : group, kind };
}

/**
 * True when `type` is the Pulumi type token of a Kubernetes workload: a core workload of
 * `KUBERNETES_WORKLOAD_TYPES`, or a custom resource (`kubernetes:<apiVersion>:<kind>`, as
 * `CustomResource`, `yaml.ConfigFile` and Helm register them) of a kind in
 * `BUILT_IN_POD_TEMPLATES` (Argo Rollout, Knative Service, OpenShift DeploymentConfig, KEDA
 * ScaledJob, ...), of `podTemplates` (the pack's setting), or an Argo Workflow, CronWorkflow,
 * WorkflowTemplate or ClusterWorkflowTemplate (`kubernetes:argoproj.io/v1alpha1:Workflow`, ...).
 */
export function isKubernetesWorkloadType(
  type: string,
  podTemplates: readonly PodTemplateKind[] = [],
): boolean {
  if (WORKLOAD_TYPES.has(type)) {
    return true;
  }
  const object = apiVersionAndKind(type);
  return (
    type.startsWith("kubernetes:") &&
    !isWorkloadKind(object.kind) &&
    (workloadShapeOf(object, podTemplates) !== undefined || isArgoWorkflow(object))
  );
}

/**
 * The Kubernetes object a workload resource's properties describe. `apiVersion` and `kind` come
 * from the type token (`kubernetes:apps/v1:Deployment` is `apps/v1` `Deployment`, `core/v1` is
 * `v1`); every other field is read from `props` when a rule reads it, so unknown values stay lazy.
 */
export function kubernetesObjectOf(type: string, props: object): KubernetesObject {
  const { apiVersion, kind } = apiVersionAndKind(type);
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
