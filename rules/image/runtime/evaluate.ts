import { ImageViolation } from "../evaluate";
import { RuntimeObservations } from "./observations";
import { RUNTIME_IMAGE_RULES } from "./rules";

/** Runs the runtime image rules over what a container engine showed. */
export function evaluateRuntime(observations: RuntimeObservations): ImageViolation[] {
  return RUNTIME_IMAGE_RULES.flatMap((rule) =>
    rule.check(observations).map((v) => ({ ...v, ruleId: rule.id, severity: rule.severity })),
  );
}
