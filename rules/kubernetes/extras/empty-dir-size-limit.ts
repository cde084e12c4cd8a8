import { fieldPath } from "../../field-path";
import { HARDENED_PROFILES } from "../../profile";
import { Violation } from "../../rule";
import { KubernetesRule } from "../kubernetes-rule";
import { listOf, recordOf } from "../../read";
import { positiveQuantityProblem } from "../quantity";

/**
 * True when a volume is an emptyDir: it has an `emptyDir` field, or no source at all, which the
 * API server turns into an emptyDir.
 */
function isEmptyDirVolume(volume: Readonly<Record<string, unknown>>): boolean {
  if ("emptyDir" in volume) {
    return volume.emptyDir === null || recordOf(volume.emptyDir) !== undefined;
  }
  return Object.entries(volume).every(
    ([key, value]) => key === "name" || value === undefined || value === null,
  );
}

/** Hardened extra: every emptyDir volume has a positive `sizeLimit`. */
export const emptyDirSizeLimit: KubernetesRule = {
  id: "empty-dir-size-limit",
  title: "emptyDir volumes must have a sizeLimit",
  description:
    "An emptyDir without sizeLimit can fill the node's disk (or, with medium: Memory, its memory) until other pods are evicted. sizeLimit must be a Kubernetes quantity greater than zero. A volume with no source at all counts: the API server makes it an emptyDir.",
  severity: "error",
  profiles: HARDENED_PROFILES,
  target: "kubernetes",
  references: {
    docs: ["https://kubernetes.io/docs/concepts/storage/volumes/#emptydir"],
  },
  remediation:
    'Set emptyDir.sizeLimit to what the program needs, for example "64Mi"; with medium: Memory it also counts against the container\'s memory limit.',
  checkPod: ({ spec, specPath }) => {
    const violations: Violation[] = [];
    listOf(spec.volumes).forEach((entry, index) => {
      const volume = recordOf(entry);
      if (volume === undefined || !isEmptyDirVolume(volume)) {
        return;
      }
      const path = fieldPath(specPath, "volumes", index, "emptyDir", "sizeLimit");
      const limit = recordOf(volume.emptyDir)?.sizeLimit;
      const name = JSON.stringify(volume.name);
      if (limit === undefined || limit === null) {
        violations.push({
          path,
          message: `emptyDir volume ${name} has no sizeLimit; expected a size such as "64Mi"`,
        });
        return;
      }
      const problem = positiveQuantityProblem(limit);
      if (problem !== undefined) {
        violations.push({ path, message: `emptyDir volume ${name} sizeLimit: ${problem}` });
      }
    });
    return violations;
  },
};
