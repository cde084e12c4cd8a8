import { fieldPath } from "../field-path";
import { podContextOf } from "../kubernetes/pod-context";
import { resolveKubernetesRuleOptions } from "../kubernetes/options";
import { KubernetesObject } from "../kubernetes/types";
import { isWorkloadKind } from "../kubernetes/workload-kinds";
import { knownOrUndefined } from "../unknown";
import { BuiltImage, ImageUse } from "./built-image-by-digest";
import { ResourceInputs } from "./docker-resource-rule";
import { BUILDKIT_IMAGE_TYPES, DOCKER_CONTAINER_TYPE, DOCKER_IMAGE_TYPE } from "./resource-types";
import { listOf, stringOf } from "../read";

/**
 * The image an image resource built and pushed, from its properties (inputs or outputs), or
 * undefined for other resource types. Values not known yet are left out.
 */
export function builtImageOf(
  type: string,
  resourceName: string,
  props: ResourceInputs,
): BuiltImage | undefined {
  if (type === DOCKER_IMAGE_TYPE) {
    const name = knownOrUndefined(() => stringOf(props.imageName));
    const digestRef = knownOrUndefined(() => stringOf(props.repoDigest));
    return {
      resourceName,
      pushedAs: name === undefined ? [] : [name],
      ...(digestRef ? { digestRef } : {}),
    };
  }
  if (BUILDKIT_IMAGE_TYPES.includes(type)) {
    const tags =
      knownOrUndefined(() => listOf(props.tags).map((t) => knownOrUndefined(() => stringOf(t)))) ??
      [];
    const ref = knownOrUndefined(() => stringOf(props.ref));
    return {
      resourceName,
      pushedAs: tags.filter((t): t is string => t !== undefined),
      ...(ref && ref.includes("@") ? { digestRef: ref } : {}),
    };
  }
  return undefined;
}

/**
 * Every container image a Kubernetes workload names, in every container list, with its exact
 * field path. Objects that are not workloads, and images not known yet, yield nothing.
 */
export function imageUsesOfWorkload(object: KubernetesObject): ImageUse[] {
  const kind = knownOrUndefined(() => object.kind);
  if (!isWorkloadKind(kind)) {
    return [];
  }
  const pod = knownOrUndefined(() => podContextOf(object, kind, resolveKubernetesRuleOptions()));
  const name = knownOrUndefined(() => object.metadata?.name) ?? "";
  const namespace = knownOrUndefined(() => object.metadata?.namespace) ?? null;
  const uses: ImageUse[] = [];
  for (const c of pod?.containers ?? []) {
    const image = knownOrUndefined(() => stringOf(c.container.image));
    if (image !== undefined) {
      uses.push({
        kind,
        name,
        namespace,
        container: c.name,
        path: fieldPath(c.path, "image"),
        image,
      });
    }
  }
  return uses;
}

/** The image a `docker.Container` runs, when known; other resource types yield nothing. */
export function imageUsesOfDockerResource(
  type: string,
  resourceName: string,
  props: ResourceInputs,
): ImageUse[] {
  if (type !== DOCKER_CONTAINER_TYPE) {
    return [];
  }
  const image = knownOrUndefined(() => stringOf(props.image));
  return image === undefined
    ? []
    : [{ kind: type, name: resourceName, container: null, path: "image", image }];
}
