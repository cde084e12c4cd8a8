import { SkippedInput } from "../skipped-input";

/** What a `check` scan read, rendered and skipped, beside the workloads it checked. */
export interface ScanSummary {
  /** Files read (standard input counts as one). */
  readonly files: number;
  /** Helm charts rendered and checked. */
  readonly charts: number;
  /** Kustomizations rendered and checked. */
  readonly kustomizations: number;
  /** Kubernetes objects of kinds without a pod, which no rule applies to. */
  readonly otherObjects: number;
  /** Everything seen and not evaluated, with the reason, in walk order. */
  readonly skipped: readonly SkippedInput[];
}

/** The skipped entries that are workloads of kinds no rule evaluates. */
function notChecked(scan: ScanSummary): readonly SkippedInput[] {
  return scan.skipped.filter((s) => s.reason === "unsupported-workload-kind");
}

/** Counts of the other skipped entries, by reason, in reason order. */
function skippedByReason(scan: ScanSummary): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const s of scan.skipped) {
    if (s.reason !== "unsupported-workload-kind") {
      counts[s.reason] = (counts[s.reason] ?? 0) + 1;
    }
  }
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** The scan's counts for the JSON summary. */
export function scanSummaryJson(scan: ScanSummary): Record<string, unknown> {
  const byReason = skippedByReason(scan);
  return {
    otherObjects: scan.otherObjects,
    notChecked: notChecked(scan).length,
    files: scan.files,
    charts: scan.charts,
    kustomizations: scan.kustomizations,
    skipped: Object.values(byReason).reduce((a, b) => a + b, 0),
    skippedByReason: byReason,
  };
}

/** The skipped entries for the JSON output: file, document, reason and detail. */
export function skippedJson(scan: ScanSummary): readonly SkippedInput[] {
  return scan.skipped.map((s) => ({
    file: s.file,
    document: s.document,
    reason: s.reason,
    detail: s.detail,
  }));
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * Text lines about the scan: with `verbose`, one line per skipped entry; then one line with the
 * files read, what was rendered, the other objects, the workloads not checked and the skipped
 * entries by reason.
 */
export function scanText(scan: ScanSummary, verbose: boolean): string[] {
  const lines: string[] = [];
  if (verbose && scan.skipped.length > 0) {
    lines.push("skipped:");
    for (const s of scan.skipped) {
      const where = s.document === null ? s.file : `${s.file} document ${s.document}`;
      lines.push(`  ${where}: ${s.reason}: ${s.detail}`);
    }
    lines.push("");
  }
  const read = [count(scan.files, "file", "files") + " read"];
  if (scan.charts > 0) read.push(count(scan.charts, "chart", "charts") + " rendered");
  if (scan.kustomizations > 0) {
    read.push(count(scan.kustomizations, "kustomization", "kustomizations") + " rendered");
  }
  const seen = [count(scan.otherObjects, "other Kubernetes object", "other Kubernetes objects")];
  const unsupported = notChecked(scan).length;
  if (unsupported > 0) {
    seen.push(count(unsupported, "workload", "workloads") + " of an unsupported kind not checked");
  }
  const byReason = Object.entries(skippedByReason(scan));
  const total = byReason.reduce((sum, [, n]) => sum + n, 0);
  const skipped =
    total === 0
      ? "nothing skipped"
      : `${total} skipped (${byReason.map(([reason, n]) => `${n} ${reason}`).join(", ")})`;
  const hint = !verbose && scan.skipped.length > 0 ? "; --verbose lists them" : "";
  lines.push(`${read.join(", ")}: ${seen.join(", ")}; ${skipped}${hint}`);
  return lines;
}
