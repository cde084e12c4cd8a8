/**
 * Thrown when a rule reads a value that is not known yet (for example an image digest during
 * `pulumi preview`). The evaluator treats the rule as not evaluated for that pod or container: an
 * unknown value never produces a finding.
 */
export class UnknownValueError extends Error {
  constructor(public readonly fieldPath: string) {
    super(`${fieldPath} is not known until the resource is deployed`);
    this.name = "UnknownValueError";
  }
}
