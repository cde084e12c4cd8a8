import { AnnotationExemptions, exemptionsFromAnnotations } from "../exemptions/annotations";
import { Exemption } from "../exemptions/exemption";
import { fieldPath } from "../field-path";
import { KubernetesObject } from "./types";
import { WORKLOAD_SHAPES, isWorkloadKind } from "./workload-kinds";

/**
 * The exemption annotations of a workload, read from its own metadata and, for workloads with a
 * pod template, from the template's metadata (where Helm charts often let users add annotations).
 * `isKnownRule` decides which rule ids an entry may name.
 */
export function workloadExemptions(
  object: KubernetesObject,
  isKnownRule: (id: string) => boolean,
): AnnotationExemptions {
  const sources: { annotations: unknown; path: string }[] = [
    { annotations: object.metadata?.annotations, path: "metadata.annotations" },
  ];
  if (isWorkloadKind(object.kind) && object.kind !== "Pod") {
    let node: unknown = object;
    for (const segment of WORKLOAD_SHAPES[object.kind].metadata) {
      node =
        typeof node === "object" && node !== null
          ? (node as Record<string, unknown>)[segment]
          : undefined;
    }
    const template = node as { annotations?: unknown } | undefined;
    sources.push({
      annotations: template?.annotations,
      path: fieldPath("", ...WORKLOAD_SHAPES[object.kind].metadata, "annotations"),
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
