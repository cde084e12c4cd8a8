import { fieldPath } from "../../../field-path";
import { ContainerContext, PodContext } from "../../pod-context";
import { recordOf } from "../../../read";

/** A security context as read from a manifest, with the field path where it belongs. */
export interface SecurityContextAt {
  /** The security context's fields; empty when it is unset or not an object. */
  readonly fields: Readonly<Record<string, unknown>>;
  /** Field path of the security context, e.g. `spec.template.spec.securityContext`. */
  readonly path: string;
}

/** The pod-level `securityContext` of `pod`. */
export function podSecurityContext(pod: PodContext): SecurityContextAt {
  return {
    fields: recordOf(pod.spec.securityContext) ?? {},
    path: fieldPath(pod.specPath, "securityContext"),
  };
}

/** The `securityContext` of one container. */
export function containerSecurityContext(container: ContainerContext): SecurityContextAt {
  return {
    fields: recordOf(container.container.securityContext) ?? {},
    path: fieldPath(container.path, "securityContext"),
  };
}
