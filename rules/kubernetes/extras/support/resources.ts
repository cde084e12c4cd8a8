import { fieldPath } from "../../../field-path";
import { Violation } from "../../../rule";
import { ContainerContext } from "../../pod-context";
import { recordOf } from "../../../read";
import { positiveQuantityProblem } from "../../quantity";

/** A resource a container can request or limit. */
export type ResourceName = "cpu" | "memory";

function present(value: unknown): boolean {
  return value !== undefined && value !== null;
}

/**
 * Checks that a container sets `resources.<kind>.<resource>` to a quantity greater than zero.
 * For `requests`, a limit counts too: the API server sets a missing request to the limit, so a
 * bad limit is then reported at the limit. Ephemeral containers cannot set resources: nothing.
 */
export function checkResource(
  ctx: ContainerContext,
  kind: "requests" | "limits",
  resource: ResourceName,
): Violation[] {
  if (ctx.list === "ephemeralContainers") {
    return [];
  }
  const resources = recordOf(ctx.container.resources);
  const pathOf = (k: "requests" | "limits") => fieldPath(ctx.path, "resources", k, resource);
  const own: unknown = recordOf(resources?.[kind])?.[resource];
  const limit: unknown = recordOf(resources?.limits)?.[resource];
  const [value, source]: [unknown, "requests" | "limits"] =
    present(own) || kind === "limits" || !present(limit) ? [own, kind] : [limit, "limits"];
  if (!present(value)) {
    return [
      {
        path: pathOf(kind),
        message: `${kind}.${resource} is unset; expected a ${resource} quantity`,
      },
    ];
  }
  const problem = positiveQuantityProblem(value);
  return problem === undefined
    ? []
    : [{ path: pathOf(source), message: `${source}.${resource}: ${problem}` }];
}
