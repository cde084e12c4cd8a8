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

/** The value `read` returns, or undefined when it reads a value not known yet. Other errors propagate. */
export function knownOrUndefined<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch (error) {
    if (error instanceof UnknownValueError) {
      return undefined;
    }
    throw error;
  }
}

/**
 * Runs one rule check; a check that reads a value not known yet reports nothing, so an unknown
 * never becomes a finding. Other errors propagate.
 */
export function skippingUnknowns<T>(check: () => readonly T[]): readonly T[] {
  return knownOrUndefined(check) ?? [];
}
