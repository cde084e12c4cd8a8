import { summarize } from "./summary";
import { FindingReport } from "./report";

/**
 * Renders `{"findings": [...], "summary": {...}}`. Every finding has `ruleId`, `severity`, `file`,
 * `document`, `kind`, `name`, `namespace`, `container`, `path` and `message` (null where they do
 * not apply), plus `line`/`stage` when known and `exempted`/`exemptionReason` when exempted.
 */
export function renderJson(report: FindingReport): string {
  const findings = report.findings.map((f) => ({
    ruleId: f.ruleId,
    severity: f.severity,
    file: f.file ?? null,
    document: f.document ?? null,
    kind: f.kind ?? null,
    name: f.name ?? null,
    namespace: f.namespace ?? null,
    container: f.container,
    path: f.path,
    message: f.message,
    ...(f.line !== undefined ? { line: f.line } : {}),
    ...(f.stage !== undefined ? { stage: f.stage } : {}),
    ...(f.exempted ? { exempted: true, exemptionReason: f.exemptionReason } : {}),
  }));
  return `${JSON.stringify(
    { findings, summary: { ...summarize(report.findings, report.checked), ...report.settings } },
    null,
    2,
  )}\n`;
}
