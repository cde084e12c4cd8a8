import { StepOutcome } from "./step";

/** `pass` when `code` is `expected`, else a failed outcome saying what `what` did instead. */
export function expectExit(
  code: number,
  expected: number,
  pass: StepOutcome,
  what: string,
): StepOutcome {
  return code === expected
    ? pass
    : { status: "failed", detail: `${what} (exit ${code}, expected ${expected})` };
}
