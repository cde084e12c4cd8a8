import { fieldPath } from "../../../field-path";
import { Violation } from "../../../rule";
import { ContainerContext } from "../../pod-context";
import { describe } from "../../../read";
import { containerSecurityContext } from "./security-context";

/**
 * The violation of a container whose `securityContext.procMount` is set to anything but
 * `Default`, or none when it is unset or `Default`. Shared by the baseline and restricted rules.
 */
export function nonDefaultProcMount(container: ContainerContext): Violation[] {
  const securityContext = containerSecurityContext(container);
  const value = securityContext.fields.procMount;
  if (value === undefined || value === null || value === "Default") {
    return [];
  }
  return [
    {
      path: fieldPath(securityContext.path, "procMount"),
      message: `procMount is ${describe(value)}; expected "Default" or unset`,
    },
  ];
}
