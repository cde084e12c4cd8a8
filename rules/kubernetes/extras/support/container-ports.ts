import { fieldPath } from "../../../field-path";
import { listOf, numberOf, recordOf } from "../../../read";
import { ContainerContext } from "../../pod-context";

/** A container's declared port. */
export interface DeclaredPort {
  /** The `containerPort` number. */
  readonly port: number;
  /** Field path of `containerPort`. */
  readonly path: string;
}

/** Every numeric `containerPort` a container declares, with its field path. */
export function declaredPorts(ctx: ContainerContext): DeclaredPort[] {
  const ports: DeclaredPort[] = [];
  listOf(ctx.container.ports).forEach((entry, index) => {
    const port = numberOf(recordOf(entry)?.containerPort);
    if (port !== undefined) {
      ports.push({ port, path: fieldPath(ctx.path, "ports", index, "containerPort") });
    }
  });
  return ports;
}
