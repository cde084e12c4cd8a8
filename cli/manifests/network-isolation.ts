import { applyExemptions } from "../../rules/exemptions/exemption";
import { ExemptionSelector, exemptionsFor } from "../../rules/exemptions/selector";
import { KubernetesEvaluation } from "../../rules/kubernetes/evaluate";
import {
  networkIsolationFindings,
  networkPolicyIsolation,
} from "../../rules/kubernetes/network-policy/isolation";
import { DEFAULT_PROFILE } from "../../rules/profile";
import { ReportFinding } from "../output/report";
import { ManifestObject } from "./parse-manifests";

/** An object read from the files `hardened check` was given, and what rendered it. */
export interface SeenManifest {
  readonly manifest: ManifestObject;
  readonly renderedBy: string | undefined;
}

/**
 * The cross-resource `network-policy-isolation` findings over every object `check` read, placed
 * in their files like the per-workload findings, with the config's exemptions applied. None when
 * the profile does not include the rule.
 */
export function networkIsolationReport(
  seen: readonly SeenManifest[],
  evaluation: Pick<KubernetesEvaluation, "profile" | "podTemplates">,
  selectors: readonly ExemptionSelector[],
): ReportFinding[] {
  if (!networkPolicyIsolation.profiles.includes(evaluation.profile ?? DEFAULT_PROFILE)) {
    return [];
  }
  const objects = seen.map((s) => s.manifest.object);
  return networkIsolationFindings(objects, evaluation.podTemplates).map(({ index, finding }) => {
    const { manifest, renderedBy } = seen[index];
    const exemptions = exemptionsFor(
      selectors.filter((s) => s.rule === networkPolicyIsolation.id),
      { kind: finding.kind, name: finding.name, namespace: finding.namespace ?? null },
    );
    const [f] = applyExemptions([finding], exemptions);
    return {
      ...f,
      file: manifest.file,
      document: manifest.document,
      ...(renderedBy === undefined ? { line: manifest.lineOf(f.path) } : { renderedBy }),
      path: manifest.pathPrefix === "" ? f.path : `${manifest.pathPrefix}.${f.path}`,
    };
  });
}
