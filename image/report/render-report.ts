import { packageLines } from "./package-section";
import { HardeningReport, ImageSummary } from "./hardening-report";
import { ReportFormat } from "./report-format";
import { VulnerabilityCounts } from "./trivy";

const TITLE = "Container Image Hardening Report";

const SIZE_NOTE = "sizes are sums of uncompressed layer sizes";

/**
 * Megabytes (10^6 bytes, as docker images counts) with thousands separators: whole megabytes from
 * 10 MB up, one decimal below.
 */
export function formatMegabytes(bytes: number): string {
  const mb = bytes / 1_000_000;
  return mb >= 10
    ? `${Math.round(mb).toLocaleString("en-US")} MB`
    : `${mb.toLocaleString("en-US", { minimumFractionDigits: 1, maximumFractionDigits: 1 })} MB`;
}

/** "Reduction: 88.5%" (or "Increase: ..." when it grew) between two measurements. */
function change(before: number, after: number): string {
  if (before === 0) {
    return "Reduction: n/a (nothing before)";
  }
  const percent = ((before - after) / before) * 100;
  return percent >= 0 ? `Reduction: ${percent.toFixed(1)}%` : `Increase: ${(-percent).toFixed(1)}%`;
}

function sizeLines(report: HardeningReport): string[] {
  const after = report.image;
  const size = (s: ImageSummary) =>
    `${formatMegabytes(s.sizeBytes)} (${s.reference}, ${s.layers} layer${s.layers === 1 ? "" : "s"})`;
  if (report.before === undefined) {
    return [`  Size: ${size(after)}`, `  (${SIZE_NOTE}; pass --before <image> to compare)`];
  }
  return [
    `  Before hardening: ${size(report.before)}`,
    `  After hardening:  ${size(after)}`,
    `  ${change(report.before.sizeBytes, after.sizeBytes)}`,
    `  (${SIZE_NOTE})`,
  ];
}

function cves(c: VulnerabilityCounts): string {
  return `${c.total.toLocaleString("en-US")} CVEs (${c.critical} Critical, ${c.high} High)`;
}

function vulnerabilityLines(report: HardeningReport): string[] {
  const v = report.vulnerabilities;
  if (v.after === undefined) {
    return [`  No vulnerability scan was run: ${v.note ?? "no scanner"}.`];
  }
  if (v.before === undefined) {
    return [`  ${cves(v.after)} (scanned with ${v.scanner})`];
  }
  return [
    `  Before: ${cves(v.before)}`,
    `  After:  ${cves(v.after)}`,
    `  ${change(v.before.total, v.after.total)}`,
  ];
}

function sections(report: HardeningReport): [string, string[]][] {
  return [
    ["SIZE COMPARISON", sizeLines(report)],
    ["SECURITY CHECKS", report.checks.map((c) => `  [${c.status}] ${c.text}`)],
    ...(report.packages === undefined
      ? []
      : [["PACKAGE INVENTORY", packageLines(report.packages)] as [string, string[]]]),
    ["VULNERABILITY COMPARISON", vulnerabilityLines(report)],
  ];
}

function renderText(report: HardeningReport): string {
  const lines = [
    TITLE,
    "=".repeat(34),
    `Image: ${report.image.reference}`,
    `Base: ${report.image.base}`,
    `Date: ${report.date}`,
  ];
  for (const [heading, body] of sections(report)) {
    lines.push("", `${heading}:`, ...body);
  }
  return `${lines.join("\n")}\n`;
}

function renderMarkdown(report: HardeningReport): string {
  const lines = [
    `# ${TITLE}`,
    "",
    `- **Image:** \`${report.image.reference}\``,
    `- **Base:** ${report.image.base === "unknown" ? "unknown" : `\`${report.image.base}\``}`,
    `- **Date:** ${report.date}`,
  ];
  for (const [heading, body] of sections(report)) {
    const title = heading.charAt(0) + heading.slice(1).toLowerCase();
    lines.push("", `## ${title}`, "", ...body.map((l) => `- ${l.trim()}`));
  }
  return `${lines.join("\n")}\n`;
}

/** Renders the report in `format`; JSON holds the same data, findings included. */
export function renderReport(report: HardeningReport, format: ReportFormat): string {
  switch (format) {
    case "json":
      return `${JSON.stringify(report, null, 2)}\n`;
    case "markdown":
      return renderMarkdown(report);
    case "text":
      return renderText(report);
  }
}
