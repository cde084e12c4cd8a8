import { HARDENED_PROFILES } from "../../profile";
import { KubernetesRule } from "../kubernetes-rule";
import { podHostPathVolumes } from "./support/host-paths";
import { reachesRuntimeSocket } from "./support/runtime-sockets";

/** Hardened extra: no hostPath volume reaches a container runtime socket. */
export const containerRuntimeSocket: KubernetesRule = {
  id: "container-runtime-socket",
  title: "Pods must not mount a container runtime socket",
  description:
    "Whoever can talk to the Docker, containerd or CRI-O socket can start a privileged container on the node: it is root on the node, even read-only. Reported for a hostPath whose file name is a runtime socket (docker.sock, containerd.sock, crio.sock, ...), that lies in a runtime's socket directory (/run/containerd, /var/run/crio, ...), or that is /run or /var/run; paths are normalized first (/var/run//docker.sock/ counts). PSS host-path-volumes and volume-types reject every hostPath with the same fix (remove it) but without the why, so in the hardened profile this finding replaces theirs for this volume, and the problem is reported once; when this finding is exempted theirs shows, and must be exempted too. Node agents often get an exemption from those for a harmless path such as /var/log: this rule still reports a dangerous one.",
  severity: "error",
  profiles: HARDENED_PROFILES,
  target: "kubernetes",
  references: {
    kubeLinter: ["docker-sock"],
    checkov: ["CKV_K8S_27"],
    kyverno: ["disallow-container-sock-mounts"],
    trivy: ["KSV006"],
  },
  remediation:
    "Remove the volume. To build images use a rootless builder (BuildKit rootless, kaniko) in its own pod; to read container metadata use the Kubernetes API or the kubelet's read-only endpoints.",
  covers: ["host-path-volumes", "volume-types"],
  checkPod: (pod) =>
    podHostPathVolumes(pod)
      .filter((v) => v.path !== undefined && reachesRuntimeSocket(v.path))
      .map((v) => ({
        path: v.fieldPath,
        message: `volume ${JSON.stringify(v.name)} mounts host path ${JSON.stringify(v.raw)}, which reaches the container runtime's socket; expected no access to the runtime socket`,
      })),
};
