import { Finding } from "../../rules/finding";

/**
 * An argument of `HardenedDeployment` or `hardenPodSpec` is malformed: the message names the
 * argument, what was given and what is allowed.
 */
export class HardenedArgsError extends Error {
  constructor(
    /** The argument's path, e.g. `args.writablePaths[1]`. */
    public readonly arg: string,
    /** What was given and what is allowed. */
    problem: string,
    /** The component or helper that received the argument, e.g. `HardenedDeployment "web"`. */
    public readonly owner: string,
  ) {
    super(`${owner}: ${arg}: ${problem}`);
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
      `${owner} breaks ${findings.length === 1 ? "a hardening rule" : `hardening rules (${findings.length} findings)`}:\n` +
        findings
          .map(
            (f) =>
              `  - ${f.ruleId} at ${f.path}: ${f.message}. Fix the value, or exempt it with exemptions: [{ rule: "${f.ruleId}", ${f.container ? `container: "${f.container}", ` : ""}reason: "<why>" }]`,
          )
          .join("\n"),
    );
    this.name = "HardeningViolationError";
  }
}
