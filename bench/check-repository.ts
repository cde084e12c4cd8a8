import { readFileSync, rmSync } from "fs";
import { parseAllDocuments } from "yaml";
import { scanInputs } from "../cli/input-files";
import { MANIFEST_EXTENSIONS, scanManifests } from "../cli/manifests/scan-manifests";
import { BenchResult, bestOf } from "./bench-result";
import { repositoryCorpus } from "./repository-corpus";

const FILES = 5_000;

/** Check and floor alternate, so a burst of load on a shared machine hits both alike. */
const ROUNDS = 3;

/**
 * `hardened check` over a generated repository of 5,000 files (60% Kubernetes manifests, 20% other
 * YAML and JSON, 20% text): walk, read, parse, classify and check, against the YAML-parse floor,
 * reading and parsing the same YAML and JSON files with the same library and nothing else, in the
 * same run. Target: check time ≤ 1.5 × floor time.
 */
export function benchCheckRepository(): BenchResult {
  const corpus = repositoryCorpus(FILES);
  try {
    const yamlFiles = scanInputs([corpus.dir], MANIFEST_EXTENSIONS, () => "").files.map(
      (f) => f.file,
    );
    let findings = 0;
    let checked = 0;
    const check = () => {
      const result = scanManifests(
        [corpus.dir],
        { profile: "hardened" },
        [],
        { values: [], set: [] },
        () => "",
      );
      findings = result.findings.length;
      checked = result.checked;
    };
    const floor = () => {
      for (const file of yamlFiles) {
        for (const doc of parseAllDocuments(readFileSync(file, "utf8"))) {
          doc.toJS();
        }
      }
    };
    let checkMs = Infinity;
    let floorMs = Infinity;
    for (let round = 0; round < ROUNDS; round++) {
      checkMs = Math.min(checkMs, bestOf(1, check));
      floorMs = Math.min(floorMs, bestOf(1, floor));
    }
    const ratio = checkMs / floorMs;
    return {
      name: "check-repository",
      description: `hardened check over a generated repository of ${FILES} files (60% Kubernetes, 20% other YAML/JSON, 20% text), against reading and parsing its YAML alone`,
      metrics: {
        files: FILES,
        yamlFiles: yamlFiles.length,
        workloads: checked,
        findings,
        checkMs: Math.round(checkMs),
        floorMs: Math.round(floorMs),
        filesPerSecond: Math.round((FILES / checkMs) * 1000),
        floorFilesPerSecond: Math.round((FILES / floorMs) * 1000),
      },
      ratio: { value: Number(ratio.toFixed(3)), target: 1.5, met: ratio <= 1.5 },
    };
  } finally {
    rmSync(corpus.dir, { recursive: true, force: true });
  }
}
