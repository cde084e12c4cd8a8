import { RuleMetadata, Violation } from "../../rule";
import { RuntimeObservations } from "./observations";

/**
 * A rule over what a real container engine showed when it ran the image. `check` reads the
 * observations only; paths start with `runtime.`.
 */
export interface RuntimeImageRule extends RuleMetadata {
  readonly target: "image";
  /** Checks the observations of one image. */
  readonly check: (observations: RuntimeObservations) => readonly Violation[];
}
