import { Finding } from "../../rules/finding";
import { evaluateWorkload, KubernetesEvaluation } from "../../rules/kubernetes/evaluate";
import { ExemptionSelector, exemptionsFor } from "../../rules/exemptions/selector";
import { InputFile } from "../input-files";
import { parseManifests } from "./parse-manifests";

/** The findings over a set of manifest files, and how many objects were checked. */
export interface ManifestCheck {
  readonly findings: Finding[];
  readonly checked: number;
}

/**
 * Parses every file and evaluates every workload in it. Each finding gets the file, the document
 * index, the line of its field, and a path relative to the document (`items[2].spec…` inside a
 * `List`). Throws `InputError` for the first malformed document.
 */
export function checkManifests(
  files: readonly InputFile[],
  evaluation: Omit<KubernetesEvaluation, "exemptions">,
  selectors: readonly ExemptionSelector[] = [],
): ManifestCheck {
  const findings: Finding[] = [];
  let checked = 0;
  for (const input of files) {
    for (const manifest of parseManifests(input)) {
      checked++;
      const metadata = manifest.object.metadata;
      const exemptions = exemptionsFor(selectors, {
        kind: manifest.object.kind,
        name: metadata?.name,
        namespace: metadata?.namespace ?? null,
      });
      for (const f of evaluateWorkload(manifest.object, { ...evaluation, exemptions })) {
        findings.push({
          ...f,
          file: manifest.file,
          document: manifest.document,
          line: manifest.lineOf(f.path),
          path: manifest.pathPrefix === "" ? f.path : `${manifest.pathPrefix}.${f.path}`,
        });
      }
    }
  }
  return { findings, checked };
}
