import { fieldPath } from "../../../field-path";
import { Violation } from "../../../rule";
import { ContainerContext } from "../../pod-context";
import { recordOf } from "../../../read";

/** A probe the probe rules require. */
export type ProbeField = "livenessProbe" | "readinessProbe";

/**
 * True for a container that runs for the pod's lifetime and can have probes: a regular container,
 * or a sidecar (an init container with `restartPolicy: Always`). Other init containers run to
 * completion and ephemeral containers cannot have probes.
 */
export function isLongRunning(ctx: ContainerContext): boolean {
  return (
    ctx.list === "containers" ||
    (ctx.list === "initContainers" &&
      (ctx.container as { restartPolicy?: unknown }).restartPolicy === "Always")
  );
}

/** Checks that a long-running container sets `field` to a probe. */
export function checkProbe(ctx: ContainerContext, field: ProbeField): Violation[] {
  if (!isLongRunning(ctx) || recordOf(ctx.container[field]) !== undefined) {
    return [];
  }
  return [
    {
      path: fieldPath(ctx.path, field),
      message: `${field} is unset; expected an httpGet, tcpSocket, grpc or exec probe`,
    },
  ];
}
