import { getRule } from "../../rules/catalog";
import { FindingReport, ReportFinding } from "./report";
import { scanText } from "./scan-summary";
import { summarize } from "./summary";

function resourceHeading(f: ReportFinding): string {
  const where = [
    f.file,
    f.document !== undefined ? `document ${f.document}` : undefined,
    f.renderedBy !== undefined ? `(rendered by ${f.renderedBy})` : undefined,
  ]
    .filter((p) => p !== undefined)
    .join(" ");
  const what =
    f.kind !== undefined
      ? `${f.kind} ${f.namespace ? `${f.namespace}/` : ""}${f.name ?? "(unnamed)"}`
      : f.stage !== undefined
        ? `stage ${f.stage}`
        : "";
  return [where, what].filter((p) => p !== "").join(": ");
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function findingLines(findings: readonly ReportFinding[]): string[] {
  const groups = new Map<string, ReportFinding[]>();
  for (const f of findings) {
    const key = resourceHeading(f);
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  const lines: string[] = [];
  for (const [heading, group] of groups) {
    lines.push(heading);
    for (const f of group) {
      const mark = f.exempted ? "exempt " : f.severity.padEnd(7);
      const at = f.line !== undefined ? `line ${f.line}: ${f.path}` : f.path;
      lines.push(`  ${mark} ${f.ruleId}  ${at}${f.container ? ` (container ${f.container})` : ""}`);
      lines.push(`          ${f.message}`);
      lines.push(
        f.exempted
          ? `          exempted${f.exemptionSource ? ` by ${f.exemptionSource}` : ""}: ${f.exemptionReason}`
          : `          fix: ${getRule(f.ruleId).remediation}`,
      );
      if (f.refusedExemption !== undefined) {
        lines.push(`          ${f.refusedExemption}`);
      }
    }
    lines.push("");
  }
  return lines;
}

/** Exempted findings, after the open ones, under their own heading. */
function exemptedSection(findings: readonly ReportFinding[]): string[] {
  return findings.length === 0
    ? []
    : [
        `Exempted (${plural(findings.length, "finding")}, not counted; each with its reason and where the exemption came from):`,
        "",
        ...findingLines(findings),
      ];
}

/**
 * Renders findings for people: grouped by resource, one line per finding with severity, rule id
 * and field, then the message and the fix (and a refused exemption, with why); exempted findings
 * follow in their own section, with reason and source; for a `check` scan, what was read and skipped (each
 * skipped input when `verbose`); a summary line last. When `quiet`, only the open findings.
 */
export function renderText(report: FindingReport): string {
  if (report.quiet) {
    return findingLines(report.findings.filter((f) => !f.exempted)).join("\n");
  }
  const lines = [
    ...findingLines(report.findings.filter((f) => !f.exempted)),
    ...exemptedSection(report.findings.filter((f) => f.exempted)),
  ];
  if (report.scan) {
    lines.push(...scanText(report.scan, report.verbose ?? false));
  }
  const s = summarize(report.findings, report.checked);
  const noun = report.scan ? "workload" : "resource";
  const settings = Object.entries(report.settings ?? {})
    .map(([k, v]) => `${k} ${v}`)
    .join(", ");
  lines.push(
    `${plural(s.errors, "error")}, ${plural(s.warnings, "warning")}, ${plural(s.notes, "note")}` +
      `${s.exempted ? `, ${s.exempted} exempted` : ""} in ${plural(s.checked, noun)} checked` +
      `${settings ? ` (${settings})` : ""}`,
  );
  return `${lines.join("\n")}\n`;
}
