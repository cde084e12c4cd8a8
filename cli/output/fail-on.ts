import { Finding } from "../../rules/finding";
import { Severity } from "../../rules/severity";
import { InputError } from "../../shared/input-error";

/** The lowest severity that fails a run, or `none` to never fail on findings. */
export type FailOn = Severity | "none";

/** Every `--fail-on` value, most severe first. */
export const FAIL_ON_VALUES: readonly FailOn[] = ["error", "warning", "note", "none"];

/** The default threshold: only error findings fail a run. */
export const DEFAULT_FAIL_ON: FailOn = "error";

const RANK: Readonly<Record<Severity, number>> = { error: 3, warning: 2, note: 1 };

/** Returns the threshold named by `value`, or throws an `InputError` listing the allowed ones. */
export function parseFailOn(value: string): FailOn {
  if ((FAIL_ON_VALUES as readonly string[]).includes(value)) {
    return value as FailOn;
  }
  throw new InputError(`--fail-on "${value}" is not one of ${FAIL_ON_VALUES.join(", ")}`);
}

/** True when `finding` is not exempted and its severity is at or above `failOn`. */
export function failsAt(finding: Finding, failOn: FailOn): boolean {
  return failOn !== "none" && !finding.exempted && RANK[finding.severity] >= RANK[failOn];
}
