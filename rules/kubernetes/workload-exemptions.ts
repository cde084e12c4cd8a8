import { AnnotationExemptions, exemptionsFromAnnotations } from "../exemptions/annotations";
import { Exemption } from "../exemptions/exemption";
import { fieldPath } from "../field-path";
import { PodContext } from "./pod-context";

/**
 * The exemption annotations of a workload, read from its own metadata and, for workloads with a
 * pod template, from the template's metadata (where Helm charts often let users add annotations).
 * `isKnownRule` decides which rule ids an entry may name.
 */
export function workloadExemptions(
  pod: PodContext,
  isKnownRule: (id: string) => boolean,
): AnnotationExemptions {
  const sources: { annotations: unknown; path: string }[] = [
    { annotations: pod.workload.metadata?.annotations, path: "metadata.annotations" },
  ];
  if (pod.metadataPath !== "metadata") {
    sources.push({
      annotations: pod.metadata.annotations,
      path: fieldPath(pod.metadataPath, "annotations"),
    });
  }
  const exemptions: Exemption[] = [];
  const problems: AnnotationExemptions["problems"][number][] = [];
  for (const source of sources) {
    const read = exemptionsFromAnnotations(source.annotations, source.path, isKnownRule);
    exemptions.push(...read.exemptions);
    problems.push(...read.problems);
  }
  return { exemptions, problems };
}
