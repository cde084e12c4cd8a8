/** Where a workload kind keeps its pod template. */
export interface WorkloadShape {
  /** Path segments from the object root to the pod spec. */
  readonly spec: readonly string[];
  /** Path segments from the object root to the pod (template) metadata. */
  readonly metadata: readonly string[];
}

/**
 * Every workload kind the rules evaluate, with the real location of its pod spec. The API group is
 * not part of the key: `apps/v1`, `apps/v1beta2` and `extensions/v1beta1` Deployments are alike.
 */
export const WORKLOAD_SHAPES: Readonly<Record<string, WorkloadShape>> = {
  Pod: { spec: ["spec"], metadata: ["metadata"] },
  PodTemplate: { spec: ["template", "spec"], metadata: ["template", "metadata"] },
  ReplicationController: {
    spec: ["spec", "template", "spec"],
    metadata: ["spec", "template", "metadata"],
  },
  ReplicaSet: { spec: ["spec", "template", "spec"], metadata: ["spec", "template", "metadata"] },
  Deployment: { spec: ["spec", "template", "spec"], metadata: ["spec", "template", "metadata"] },
  StatefulSet: { spec: ["spec", "template", "spec"], metadata: ["spec", "template", "metadata"] },
  DaemonSet: { spec: ["spec", "template", "spec"], metadata: ["spec", "template", "metadata"] },
  Job: { spec: ["spec", "template", "spec"], metadata: ["spec", "template", "metadata"] },
  CronJob: {
    spec: ["spec", "jobTemplate", "spec", "template", "spec"],
    metadata: ["spec", "jobTemplate", "spec", "template", "metadata"],
  },
};

/** Every workload kind, in a stable order. */
export const WORKLOAD_KINDS: readonly string[] = Object.keys(WORKLOAD_SHAPES);

/** True when `kind` is a workload kind the rules evaluate. */
export function isWorkloadKind(kind: unknown): kind is string {
  return typeof kind === "string" && Object.prototype.hasOwnProperty.call(WORKLOAD_SHAPES, kind);
}
