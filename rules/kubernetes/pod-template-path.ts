import { isRecord } from "../read";

/**
 * Where workload-like kinds keep a pod spec: a pod template (`spec.template.spec`: Argo Rollout,
 * Knative Service, OpenKruise CloneSet), a job template (`spec.jobTemplate.spec.template.spec`),
 * a KEDA ScaledJob's `spec.jobTargetRef.template.spec`, a top-level `template.spec`, or a pod-like
 * `spec`. Checked in this order.
 */
const POD_SPEC_PATHS: readonly (readonly string[])[] = [
  ["spec", "template", "spec"],
  ["spec", "jobTemplate", "spec", "template", "spec"],
  ["spec", "jobTargetRef", "template", "spec"],
  ["template", "spec"],
  ["spec"],
];

/**
 * The dotted path of the first pod spec (a mapping with a `containers` list) found at a place
 * where workloads keep one, or undefined. Used to report objects of kinds the rules do not
 * evaluate that still run containers, so they are never passed over silently.
 */
export function podSpecPathOf(object: unknown): string | undefined {
  for (const path of POD_SPEC_PATHS) {
    let node: unknown = object;
    for (const segment of path) {
      node = isRecord(node) ? node[segment] : undefined;
    }
    if (isRecord(node) && Array.isArray(node.containers)) {
      return path.join(".");
    }
  }
  return undefined;
}
