import { fieldPath } from "../../field-path";
import { RESTRICTED_PROFILES } from "../../profile";
import { Violation } from "../../rule";
import { KubernetesRule } from "../kubernetes-rule";
import { describe, listOf, recordOf } from "../../read";

/** The volume sources the restricted level allows. */
const RESTRICTED_VOLUME_SOURCES: readonly string[] = [
  "configMap",
  "csi",
  "downwardAPI",
  "emptyDir",
  "ephemeral",
  "image",
  "persistentVolumeClaim",
  "projected",
  "secret",
];

function isSet(value: unknown): boolean {
  return value !== undefined && value !== null;
}

/** PSS restricted "Volume Types": every volume must use one of the allowed sources. */
export const volumeTypes: KubernetesRule = {
  id: "volume-types",
  title:
    "Pods may only use configMap, csi, downwardAPI, emptyDir, ephemeral, image, persistentVolumeClaim, projected and secret volumes",
  description:
    "Other volume sources (hostPath, nfs, iscsi, rbd, gitRepo and the in-tree cloud disks) reach outside the pod's storage abstraction and often the node itself. image volumes are allowed at every version, as upstream allows them in its v1.0 check since Kubernetes 1.33; a volume with no source is allowed because the API server defaults it to emptyDir. Upstream runs this check instead of host-path-volumes at the restricted level; here host-path-volumes names this rule in coveredBy, so a hostPath volume is reported once, by this rule, unless this rule's finding is exempted.",
  severity: "error",
  profiles: RESTRICTED_PROFILES,
  target: "kubernetes",
  references: {
    pss: { level: "restricted", control: "Volume Types", psaCheckId: "restrictedVolumes" },
    kyverno: ["restrict-volume-types"],
  },
  remediation: `Replace the volume with one of: ${RESTRICTED_VOLUME_SOURCES.join(", ")}; use a persistentVolumeClaim for network or cloud storage.`,
  checkPod: ({ spec, specPath }) => {
    const violations: Violation[] = [];
    listOf(spec.volumes).forEach((volume, index) => {
      const fields = recordOf(volume) ?? {};
      const source = Object.keys(fields).find((key) => key !== "name" && isSet(fields[key]));
      if (
        source === undefined ||
        RESTRICTED_VOLUME_SOURCES.some((allowed) => isSet(fields[allowed]))
      ) {
        return;
      }
      violations.push({
        path: fieldPath(specPath, "volumes", index, source),
        message: `volume ${describe(fields.name)} uses ${source}; expected one of ${RESTRICTED_VOLUME_SOURCES.join(", ")}`,
      });
    });
    return violations;
  },
};
