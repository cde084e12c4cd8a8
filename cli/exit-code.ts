import { Finding } from "../rules/finding";
import { DEFAULT_FAIL_ON, FailOn, failsAt } from "./output/fail-on";

/** Exit code when no finding blocks. */
export const EXIT_OK = 0;

/** Exit code when at least one finding at or above the `--fail-on` threshold is not exempted. */
export const EXIT_FINDINGS = 1;

/** Exit code for usage and input errors. */
export const EXIT_USAGE = 2;

/**
 * `EXIT_FINDINGS` when any open finding is at or above `failOn` (by default, any open error),
 * `EXIT_OK` otherwise.
 */
export function exitCodeFor(
  findings: readonly Finding[],
  failOn: FailOn = DEFAULT_FAIL_ON,
): number {
  return findings.some((f) => failsAt(f, failOn)) ? EXIT_FINDINGS : EXIT_OK;
}
