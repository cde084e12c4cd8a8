import { fieldPath } from "../../field-path";
import { BASELINE_PROFILES } from "../../profile";
import { Violation } from "../../rule";
import { KubernetesRule } from "../kubernetes-rule";
import { describe, listOf, recordOf } from "../../read";

/** PSS baseline "HostPath Volumes": no volume may be a `hostPath`. */
export const hostPathVolumes: KubernetesRule = {
  id: "host-path-volumes",
  title: "Pods must not mount hostPath volumes",
  description:
    "A hostPath volume exposes the node's filesystem to the container: the container runtime socket, kubelet credentials or /etc are one mount away from a node takeover.",
  severity: "error",
  profiles: BASELINE_PROFILES,
  target: "kubernetes",
  references: {
    pss: { level: "baseline", control: "HostPath Volumes", psaCheckId: "hostPathVolumes" },
    cisKubernetes: ["5.2.12"],
    kyverno: ["disallow-host-path"],
  },
  coveredBy: ["volume-types"],
  remediation:
    "Replace the hostPath volume with an emptyDir, a configMap or secret, or a persistentVolumeClaim.",
  checkPod: ({ spec, specPath }) => {
    const violations: Violation[] = [];
    listOf(spec.volumes).forEach((volume, index) => {
      const fields = recordOf(volume);
      if (fields && fields.hostPath !== undefined && fields.hostPath !== null) {
        violations.push({
          path: fieldPath(specPath, "volumes", index, "hostPath"),
          message: `volume ${describe(fields.name)} is a hostPath volume; expected no hostPath volumes`,
        });
      }
    });
    return violations;
  },
};
