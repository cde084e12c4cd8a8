import { Finding } from "../../rules/finding";
import { ComponentArgsError } from "../shared/errors";
import { blockingFindingsMessage } from "../shared/findings";

/**
 * An argument of `HardenedDeployment` or `hardenPodSpec` is malformed: the message names the
 * argument, what was given and what is allowed.
 */
export class HardenedArgsError extends ComponentArgsError {
  constructor(
    /** The component or helper that received the argument, e.g. `HardenedDeployment "web"`. */
    owner: string,
    /** The argument's path, e.g. `args.writablePaths[1]`. */
    arg: string,
    /** What was given and what is allowed. */
    problem: string,
  ) {
    super(owner, arg, problem);
    this.name = "HardenedArgsError";
  }
}

/**
 * The hardened workload still breaks rules: an override or a user field defeats a default and no
 * exemption covers it. Each finding names the rule id, the field path and the value found.
 */
export class HardeningViolationError extends Error {
  constructor(
    /** The component or helper that refused to emit the workload. */
    public readonly owner: string,
    /** The blocking findings, in the evaluator's order. */
    public readonly findings: readonly Finding[],
  ) {
    super(
      blockingFindingsMessage(
        owner,
        "",
        findings,
        (f) =>
          `exemptions: [{ rule: "${f.ruleId}", ${f.container ? `container: "${f.container}", ` : ""}reason: "<why>" }]`,
      ),
    );
    this.name = "HardeningViolationError";
  }
}
