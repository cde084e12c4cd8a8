import { Finding, isBlocking } from "../rules/finding";

/** Exit code when no finding blocks. */
export const EXIT_OK = 0;

/** Exit code when at least one error-severity finding is not exempted. */
export const EXIT_FINDINGS = 1;

/** Exit code for usage and input errors. */
export const EXIT_USAGE = 2;

/** `EXIT_FINDINGS` when any finding blocks, `EXIT_OK` otherwise. */
export function exitCodeFor(findings: readonly Finding[]): number {
  return findings.some(isBlocking) ? EXIT_FINDINGS : EXIT_OK;
}
