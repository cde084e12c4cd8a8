/** A policy violation as `pulumi preview`/`up` prints it under `Policies:`. */
export interface EngineViolation {
  /** `mandatory`, `advisory` or `remediate`. */
  readonly level: string;
  /** The policy name (the rule id). */
  readonly policy: string;
  /** The resource, as `<type>: <name>`; empty for a violation of the stack as a whole. */
  readonly resource: string;
}

/**
 * The violations in the CLI's output: lines `- [level] [severity: high]  policy  (type: name)`
 * (the severity is printed for policies that declare one, the resource for violations of one).
 */
export function engineViolations(stdout: string): EngineViolation[] {
  const violations: EngineViolation[] = [];
  for (const line of stdout.split("\n")) {
    const match = /^\s+- \[(\w+)\](?: \[severity: \w+\])?\s+(\S+)(?:\s+\((.+)\))?\s*$/.exec(line);
    if (match) {
      violations.push({ level: match[1], policy: match[2], resource: match[3] ?? "" });
    }
  }
  return violations;
}
