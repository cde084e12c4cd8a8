import { parseAllDocuments } from "yaml";
import { checkManifests } from "../cli/manifests/check-manifests";
import { BenchResult, bestOf } from "./bench-result";
import { workloadCorpus } from "./workload-corpus";

const WORKLOADS = 10_000;

/**
 * `hardened check` throughput over 10,000 workloads of mixed kinds, against parsing the same YAML
 * alone, in the same run. Target: check time ≤ 1.5 × parse time.
 */
export function benchCheckManifests(): BenchResult {
  const text = workloadCorpus(WORKLOADS);
  const files = [{ file: "corpus.yaml", text }];
  let findings = 0;
  const checkMs = bestOf(3, () => {
    findings = checkManifests(files, { profile: "hardened" }).findings.length;
  });
  const parseMs = bestOf(3, () => {
    for (const doc of parseAllDocuments(text)) {
      doc.toJS();
    }
  });
  const ratio = checkMs / parseMs;
  return {
    name: "check-manifests",
    description: `hardened check over ${WORKLOADS} workloads of every kind, against YAML parsing alone`,
    metrics: {
      workloads: WORKLOADS,
      findings,
      bytes: text.length,
      checkMs: Math.round(checkMs),
      parseMs: Math.round(parseMs),
      workloadsPerSecond: Math.round((WORKLOADS / checkMs) * 1000),
    },
    ratio: { value: Number(ratio.toFixed(3)), target: 1.5, met: ratio <= 1.5 },
  };
}
