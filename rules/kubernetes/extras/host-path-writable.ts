import { fieldPath } from "../../field-path";
import { HARDENED_PROFILES } from "../../profile";
import { booleanOf, listOf, recordOf, stringOf } from "../../read";
import { Violation } from "../../rule";
import { KubernetesRule } from "../kubernetes-rule";
import { podHostPathVolumes } from "./support/host-paths";

/** Hardened extra: hostPath volumes are mounted read-only. */
export const hostPathWritable: KubernetesRule = {
  id: "host-path-writable",
  title: "hostPath volumes must be mounted read-only",
  description:
    "A writable hostPath mount lets the container change files on the node, which outlive the pod and are read by the node and other pods. For users who allow hostPath (an exempted node agent, or the baseline profile's users), this rule still reports each writable mount of one, at the mount's readOnly field. Checked in init, regular and ephemeral containers.",
  severity: "warning",
  profiles: HARDENED_PROFILES,
  target: "kubernetes",
  references: {
    kubeLinter: ["writable-host-mount"],
    docs: ["https://kubernetes.io/docs/concepts/storage/volumes/#hostpath"],
  },
  remediation:
    "Set readOnly: true on the volumeMount, or write to an emptyDir or a persistent volume instead of the node.",
  checkContainer: (ctx, pod) => {
    const hostPaths = new Set(podHostPathVolumes(pod).map((v) => v.name));
    const violations: Violation[] = [];
    listOf(ctx.container.volumeMounts).forEach((entry, index) => {
      const mount = recordOf(entry);
      const name = stringOf(mount?.name);
      if (name !== undefined && hostPaths.has(name) && booleanOf(mount?.readOnly) !== true) {
        violations.push({
          path: fieldPath(ctx.path, "volumeMounts", index, "readOnly"),
          message: `volume ${JSON.stringify(name)} is a hostPath mounted writable; expected readOnly: true`,
        });
      }
    });
    return violations;
  },
};
