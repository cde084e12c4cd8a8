import { summarize } from "./summary";
import { FindingReport } from "./report";
import { scanSummaryJson, skippedJson } from "./scan-summary";

/**
 * Renders `{"findings": [...], "summary": {...}}`. Every finding has `ruleId`, `severity`, `file`,
 * `document`, `kind`, `name`, `namespace`, `container`, `path` and `message` (null where they do
 * not apply), plus `line`/`stage` when known, `exempted`/`exemptionReason`/`exemptionSource` when
 * exempted, `refusedExemption` when an exemption was refused (`allowExemptions`), and
 * `renderedBy` for rendered chart or kustomization output. A `check` scan adds a `skipped` array
 * (file, document, reason, detail) and its counts to the summary.
 */
export function renderJson(report: FindingReport): string {
  const findings = report.findings.map((f) => {
    // Optional keys are added in this order, each only when it applies.
    const out: Record<string, unknown> = {
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
    };
    if (f.line !== undefined) {
      out.line = f.line;
    }
    if (f.stage !== undefined) {
      out.stage = f.stage;
    }
    if (f.exempted) {
      out.exempted = true;
      out.exemptionReason = f.exemptionReason;
      out.exemptionSource = f.exemptionSource;
    }
    if (f.refusedExemption !== undefined) {
      out.refusedExemption = f.refusedExemption;
    }
    if (f.renderedBy !== undefined) {
      out.renderedBy = f.renderedBy;
    }
    return out;
  });
  const scan = report.scan;
  const summary = {
    ...summarize(report.findings, report.checked),
    ...(scan ? scanSummaryJson(scan) : {}),
    ...report.settings,
  };
  return `${JSON.stringify(
    scan ? { findings, skipped: skippedJson(scan), summary } : { findings, summary },
    null,
    2,
  )}\n`;
}
