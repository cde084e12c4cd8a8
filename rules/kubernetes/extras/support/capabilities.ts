import { fieldPath } from "../../../field-path";
import { ContainerContext } from "../../pod-context";
import { listOf, recordOf } from "../../../read";

/** One entry of a container's `capabilities.add` or `capabilities.drop`. */
export interface CapabilityEntry {
  /** The entry as written. */
  readonly raw: unknown;
  /**
   * The capability it names, upper-case and without a `CAP_` prefix (`"sys_admin"` and
   * `"CAP_SYS_ADMIN"` are `SYS_ADMIN`, as container runtimes read them); undefined for a
   * non-string entry.
   */
  readonly name: string | undefined;
  /** Field path of the entry, e.g. `spec.containers[0].securityContext.capabilities.add[1]`. */
  readonly path: string;
}

/** Field path of a container's `capabilities.add` or `capabilities.drop` list. */
export function capabilityListPath(ctx: ContainerContext, list: "add" | "drop"): string {
  return fieldPath(ctx.path, "securityContext", "capabilities", list);
}

/** The entries of a container's `capabilities.add` or `capabilities.drop` list. */
export function capabilityEntries(
  ctx: ContainerContext,
  list: "add" | "drop",
): readonly CapabilityEntry[] {
  const capabilities = recordOf(recordOf(ctx.container.securityContext)?.capabilities);
  const listPath = capabilityListPath(ctx, list);
  return listOf(capabilities?.[list]).map((raw, index) => ({
    raw,
    name: typeof raw === "string" ? raw.toUpperCase().replace(/^CAP_/, "") : undefined,
    path: fieldPath(listPath, index),
  }));
}
