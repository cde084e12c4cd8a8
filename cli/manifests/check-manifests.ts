import { evaluateWorkload, KubernetesEvaluation } from "../../rules/kubernetes/evaluate";
import { podSpecPathOf } from "../../rules/kubernetes/pod-template-path";
import { workloadShapeOf } from "../../rules/kubernetes/pod-templates";
import { isArgoWorkflow } from "../../rules/kubernetes/argo-workflows";
import { ExemptionSelector, exemptionsFor } from "../../rules/exemptions/selector";
import { InputError } from "../../shared/input-error";
import { InputFile } from "../input-files";
import { ReportFinding } from "../output/report";
import { SkippedInput } from "../skipped-input";
import { SeenManifest, networkIsolationReport } from "./network-isolation";
import { parseManifests } from "./parse-manifests";

/** The findings over a set of manifest files, and what was checked, seen and skipped. */
export interface ManifestCheck {
  readonly findings: ReportFinding[];
  /** Workloads evaluated. */
  readonly checked: number;
  /** Kubernetes objects of other kinds, which no rule applies to. */
  readonly otherObjects: number;
  /** Documents not evaluated: not Kubernetes, empty files, workloads of unsupported kinds. */
  readonly skipped: SkippedInput[];
}

const COMMENTS_AND_SEPARATORS = /^(?:\s*(?:#.*)?|---.*|\.\.\.\s*)$/;

/**
 * True when the text holds no YAML content: only blank lines, comments and document markers. Stops
 * at the first line with content, without splitting the whole text.
 */
function isEmptyYaml(text: string): boolean {
  for (let start = 0; ;) {
    const end = text.indexOf("\n", start);
    if (!COMMENTS_AND_SEPARATORS.test(text.slice(start, end === -1 ? text.length : end))) {
      return false;
    }
    if (end === -1) {
      return true;
    }
    start = end + 1;
  }
}

/**
 * Parses every file and evaluates every workload in it. Each finding gets the file, the document
 * index, the line of its field (none for rendered output, whose lines are not the source's), and a
 * path relative to the document (`items[2].spec…` inside a `List`). Throws `InputError` for the
 * first malformed document, and for a file the user named that is empty or not Kubernetes; in
 * files found by walking a directory, those are returned as skipped.
 */
export function checkManifests(
  files: readonly InputFile[],
  evaluation: Omit<KubernetesEvaluation, "exemptions">,
  selectors: readonly ExemptionSelector[] = [],
): ManifestCheck {
  const findings: ReportFinding[] = [];
  const skipped: SkippedInput[] = [];
  let checked = 0;
  let otherObjects = 0;
  const seen: SeenManifest[] = [];
  for (const input of files) {
    if (input.renderedBy === undefined && isEmptyYaml(input.text)) {
      if (input.explicit !== false) {
        throw new InputError(
          `${input.file === "-" ? "standard input" : input.file}: empty input, no YAML document to check (did the command that produced it fail?)`,
        );
      }
      skipped.push({
        file: input.file,
        document: null,
        reason: "empty",
        detail: "no YAML document",
      });
      continue;
    }
    const notKubernetes = (document: number) =>
      skipped.push({
        file: input.file,
        document,
        reason: "not-kubernetes",
        detail: 'not a mapping with a string "apiVersion" and "kind"',
      });
    for (const manifest of parseManifests(input, notKubernetes)) {
      seen.push({ manifest, renderedBy: input.renderedBy });
      const object = manifest.object;
      const metadata = object.metadata;
      if (
        workloadShapeOf(object, evaluation.podTemplates) === undefined &&
        !isArgoWorkflow(object)
      ) {
        const podSpec = podSpecPathOf(object);
        if (podSpec === undefined) {
          otherObjects++;
        } else {
          const at = manifest.pathPrefix === "" ? podSpec : `${manifest.pathPrefix}.${podSpec}`;
          skipped.push({
            file: input.file,
            document: manifest.document,
            reason: "unsupported-workload-kind",
            detail: `${object.kind} ${metadata?.name ?? "(unnamed)"} has a pod spec at ${at}; no rule evaluates kind ${object.kind}; declare its pod template under podTemplates in the --config file to check it`,
          });
        }
        continue;
      }
      checked++;
      const exemptions = exemptionsFor(selectors, {
        kind: object.kind,
        name: metadata?.name,
        namespace: metadata?.namespace ?? null,
      });
      for (const f of evaluateWorkload(object, { ...evaluation, exemptions })) {
        const path = manifest.pathPrefix === "" ? f.path : `${manifest.pathPrefix}.${f.path}`;
        // Two literals rather than a spread of a conditional object: one finding per rule hit.
        findings.push(
          input.renderedBy === undefined
            ? {
                ...f,
                file: manifest.file,
                document: manifest.document,
                line: manifest.lineOf(f.path),
                path,
              }
            : {
                ...f,
                file: manifest.file,
                document: manifest.document,
                renderedBy: input.renderedBy,
                path,
              },
        );
      }
    }
  }
  findings.push(...networkIsolationReport(seen, evaluation, selectors));
  return { findings, checked, otherObjects, skipped };
}
