import { KubernetesEvaluation } from "../../rules/kubernetes/evaluate";
import { ExemptionSelector } from "../../rules/exemptions/selector";
import { scanInputs } from "../input-files";
import { ReportFinding } from "../output/report";
import { ScanSummary } from "../output/scan-summary";
import { ChartValues, renderSources } from "../render/render-sources";
import { checkManifests } from "./check-manifests";

/** File extensions `hardened check` reads from directories. */
export const MANIFEST_EXTENSIONS: readonly string[] = [".yaml", ".yml", ".json"];

/** What `hardened check` found over the paths it was given. */
export interface ManifestScan {
  readonly findings: ReportFinding[];
  /** Workloads evaluated. */
  readonly checked: number;
  /** What was read, rendered and skipped. */
  readonly scan: ScanSummary;
}

/**
 * Reads the paths (files, directories, `-`), renders the charts and kustomizations found in
 * directories, and checks every workload: the whole of `hardened check` short of printing.
 */
export function scanManifests(
  paths: readonly string[],
  evaluation: Omit<KubernetesEvaluation, "exemptions">,
  selectors: readonly ExemptionSelector[],
  chart: ChartValues,
  stdin: () => string,
): ManifestScan {
  const inputs = scanInputs(paths, MANIFEST_EXTENSIONS, stdin);
  const rendered = renderSources(inputs.sources, chart);
  const result = checkManifests([...inputs.files, ...rendered.files], evaluation, selectors);
  return {
    findings: result.findings,
    checked: result.checked,
    scan: {
      files: inputs.files.length,
      charts: rendered.charts,
      kustomizations: rendered.kustomizations,
      otherObjects: result.otherObjects,
      skipped: [...inputs.skipped, ...rendered.skipped, ...result.skipped].sort(
        (a, b) =>
          (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
          (a.document ?? -1) - (b.document ?? -1),
      ),
    },
  };
}
