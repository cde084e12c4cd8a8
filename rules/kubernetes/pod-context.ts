import { fieldPath } from "../field-path";
import { isRecord } from "../read";
import { ResolvedKubernetesRuleOptions } from "./options";
import { Container, KubernetesObject, ObjectMeta, PodSpec } from "./types";
import { WORKLOAD_SHAPES, WorkloadShape } from "./workload-kinds";

/** The three lists a pod keeps containers in. */
export type ContainerList = "initContainers" | "containers" | "ephemeralContainers";

/** Every container list, in the order Kubernetes runs them. */
export const CONTAINER_LISTS: readonly ContainerList[] = [
  "initContainers",
  "containers",
  "ephemeralContainers",
];

/** One container of a pod, with where it sits. */
export interface ContainerContext {
  /** The container as written. */
  readonly container: Container;
  /** Its name, or null when it has none. */
  readonly name: string | null;
  /** The list it is in. */
  readonly list: ContainerList;
  /** Its index in that list. */
  readonly index: number;
  /** Field path of the container, e.g. `spec.template.spec.initContainers[0]`. */
  readonly path: string;
}

/** A workload's pod, as the rules see it. */
export interface PodContext {
  /** The whole workload object. */
  readonly workload: KubernetesObject;
  /** The pod spec (an empty object when the workload has none). */
  readonly spec: PodSpec;
  /** Field path of the pod spec, e.g. `spec.jobTemplate.spec.template.spec`. */
  readonly specPath: string;
  /** The pod (template) metadata. */
  readonly metadata: ObjectMeta;
  /** Field path of the pod metadata. */
  readonly metadataPath: string;
  /** Every container in every list. */
  readonly containers: readonly ContainerContext[];
  /** The rule options in force. */
  readonly options: ResolvedKubernetesRuleOptions;
}

function walk(root: unknown, segments: readonly string[]): Record<string, unknown> {
  let node: unknown = root;
  for (const segment of segments) {
    node = isRecord(node) ? node[segment] : undefined;
  }
  return isRecord(node) ? node : {};
}

/**
 * Builds the pod context of a workload object whose kind is one of `WORKLOAD_SHAPES`, or whose
 * pod spec is where `shape` says (see `workloadShapeOf`).
 */
export function podContextOf(
  workload: KubernetesObject,
  kind: string,
  options: ResolvedKubernetesRuleOptions,
  shape: WorkloadShape = WORKLOAD_SHAPES[kind],
): PodContext {
  const spec = walk(workload, shape.spec) as PodSpec;
  const specPath = fieldPath("", ...shape.spec);
  const containers: ContainerContext[] = [];
  for (const list of CONTAINER_LISTS) {
    const items = spec[list];
    if (!Array.isArray(items)) {
      continue;
    }
    items.forEach((item: unknown, index: number) => {
      const container = (isRecord(item) ? item : {}) as Container;
      containers.push({
        container,
        name: typeof container.name === "string" ? container.name : null,
        list,
        index,
        path: fieldPath(specPath, list, index),
      });
    });
  }
  return {
    workload,
    spec,
    specPath,
    metadata: walk(workload, shape.metadata) as ObjectMeta,
    metadataPath: fieldPath("", ...shape.metadata),
    containers,
    options,
  };
}
