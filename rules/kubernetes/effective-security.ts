import { fieldPath } from "../field-path";
import { ContainerContext, PodContext } from "./pod-context";

/** A numeric ID setting that a container may set and otherwise inherits from the pod. */
export type InheritedIdField = "runAsUser" | "runAsGroup";

/** A container's effective value of an inherited setting, and where it comes from. */
export interface EffectiveId {
  /** The value in force, or undefined when neither the container nor the pod sets it. */
  readonly value: number | undefined;
  /** `container` when the container sets it, `pod` when inherited, `unset` otherwise. */
  readonly source: "container" | "pod" | "unset";
  /** Field path of the value in force, or of the container's field when it is unset. */
  readonly path: string;
}

/** Field path of `field` in the pod's `securityContext`. */
export function podSecurityPath(pod: PodContext, field: InheritedIdField): string {
  return fieldPath(pod.specPath, "securityContext", field);
}

/** The pod-level value of `field`, or undefined when it is unset or not a number. */
export function podId(pod: PodContext, field: InheritedIdField): number | undefined {
  const value: unknown = pod.spec.securityContext?.[field];
  return typeof value === "number" ? value : undefined;
}

/**
 * The value of `field` that applies to a container: its own `securityContext` wins over the pod's,
 * as the kubelet decides. A value that is not a number counts as unset.
 */
export function effectiveId(
  ctx: ContainerContext,
  pod: PodContext,
  field: InheritedIdField,
): EffectiveId {
  const own: unknown = ctx.container.securityContext?.[field];
  const containerPath = fieldPath(ctx.path, "securityContext", field);
  if (typeof own === "number") {
    return { value: own, source: "container", path: containerPath };
  }
  const inherited = podId(pod, field);
  if (inherited !== undefined) {
    return { value: inherited, source: "pod", path: podSecurityPath(pod, field) };
  }
  return { value: undefined, source: "unset", path: containerPath };
}
