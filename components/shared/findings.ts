import { Exemption, exemptionCovers } from "../../rules/exemptions/exemption";
import { Finding } from "../../rules/finding";

/**
 * Where a finding is: `file:line path` for a Dockerfile finding (it has a line), the field path
 * otherwise (a workload's `spec.template…`, an image's `config.User`).
 */
function whereOf(finding: Finding): string {
  return finding.line === undefined
    ? finding.path
    : `${finding.file ?? "Dockerfile"}:${finding.line} ${finding.path}`;
}

/**
 * One line describing a finding, as both components log it:
 * `<rule> (<severity>) at <where>: <message>`, plus `(exempted: <reason>)` when an exemption
 * covers it.
 */
export function describeFinding(finding: Finding): string {
  const exempted = finding.exempted ? ` (exempted: ${finding.exemptionReason})` : "";
  return `${finding.ruleId} (${finding.severity}) at ${whereOf(finding)}: ${finding.message}${exempted}`;
}

/**
 * The message of a component error for blocking findings: `<subject> breaks a hardening rule`
 * (or `hardening rules (N findings)`), `<consequence>`, then one line per finding with how to fix or exempt
 * it (`exemptHow`, e.g. `exemptions: [{ rule: "…", reason: "<why>" }]`).
 */
export function blockingFindingsMessage(
  subject: string,
  consequence: string,
  findings: readonly Finding[],
  exemptHow: (finding: Finding) => string,
): string {
  const count =
    findings.length === 1 ? "a hardening rule" : `hardening rules (${findings.length} findings)`;
  return (
    `${subject} breaks ${count}${consequence}:\n` +
    findings
      .map(
        (f) =>
          `  - ${f.ruleId} at ${whereOf(f)}: ${f.message}. Fix it, or exempt it with ${exemptHow(f)}`,
      )
      .join("\n")
  );
}

/** The exemptions that cover none of `findings`: stale ones that should be removed. */
export function unusedExemptions(
  findings: readonly Finding[],
  exemptions: readonly Exemption[],
): Exemption[] {
  return exemptions.filter((e) => !findings.some((f) => exemptionCovers(e, f)));
}

/**
 * The warning for an exemption that covers no finding, naming the argument it was given in:
 * `the exemption of <rule> [in container "<c>"] covers no finding; remove it from <arg>`.
 */
export function unusedExemptionMessage(exemption: Exemption, arg: string): string {
  const target = exemption.container === undefined ? "" : ` in container "${exemption.container}"`;
  return `the exemption of ${exemption.ruleId}${target} covers no finding; remove it from ${arg}`;
}
