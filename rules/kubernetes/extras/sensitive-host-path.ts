import { HARDENED_PROFILES } from "../../profile";
import { Violation } from "../../rule";
import { KubernetesRule } from "../kubernetes-rule";
import { podHostPathVolumes } from "./support/host-paths";
import { SENSITIVE_HOST_PATHS, sensitiveExposure } from "./support/sensitive-host-paths";

/** Hardened extra: no hostPath volume exposes a sensitive node directory. */
export const sensitiveHostPath: KubernetesRule = {
  id: "sensitive-host-path",
  title: "Pods must not mount sensitive node directories",
  description: `A hostPath on a system directory hands the container the node's credentials, processes or programs. Reported for a hostPath inside or above one of ${[...SENSITIVE_HOST_PATHS.keys()].join(", ")} (above: /var holds /var/lib/kubelet), after normalizing the path. Paths that reach a container runtime socket (/run, /var/run, ...) are container-runtime-socket's, so each volume is reported once. PSS host-path-volumes and volume-types reject every hostPath with the same fix (remove it) but without the why, so in the hardened profile this finding replaces theirs for this volume, and the problem is reported once; when this finding is exempted theirs shows, and must be exempted too. Node agents often get an exemption from those for a harmless path such as /var/log: this rule still reports a dangerous one.`,
  severity: "error",
  profiles: HARDENED_PROFILES,
  target: "kubernetes",
  references: {
    kubeLinter: ["sensitive-host-mounts"],
    docs: ["https://kubernetes.io/docs/concepts/storage/volumes/#hostpath"],
  },
  remediation:
    "Remove the volume, or mount only the narrow file or directory the program needs (for example /var/log/pods), read-only, in a reviewed and exempted node agent.",
  covers: ["host-path-volumes", "volume-types"],
  checkPod: (pod) => {
    const violations: Violation[] = [];
    for (const volume of podHostPathVolumes(pod)) {
      const sensitive = volume.path === undefined ? undefined : sensitiveExposure(volume.path);
      if (sensitive !== undefined) {
        violations.push({
          path: volume.fieldPath,
          message: `volume ${JSON.stringify(volume.name)} mounts host path ${JSON.stringify(volume.raw)}, which exposes ${sensitive.exposes}; expected no sensitive node directory`,
        });
      }
    }
    return violations;
  },
};
