import { HARDENED_PROFILES } from "../../profile";
import { KubernetesRule } from "../kubernetes-rule";
import { checkProbe } from "./support/probes";

/** Hardened extra: long-running containers have a liveness probe. */
export const livenessProbe: KubernetesRule = {
  id: "liveness-probe",
  title: "Containers must have a liveness probe",
  description:
    "Without a liveness probe a deadlocked or wedged process keeps its pod Running forever and is never restarted. Visits regular containers and sidecars (init containers with restartPolicy: Always); other init containers run to completion, and ephemeral containers cannot have probes.",
  severity: "warning",
  profiles: HARDENED_PROFILES,
  target: "kubernetes",
  references: {
    kubeLinter: ["no-liveness-probe"],
    checkov: ["CKV_K8S_8"],
    polaris: ["livenessProbeMissing"],
    kyverno: ["require-pod-probes"],
  },
  remediation:
    "Add a livenessProbe (httpGet, tcpSocket, grpc or exec) that fails only when the process must be restarted, not when a dependency is down.",
  checkContainer: (ctx) => checkProbe(ctx, "livenessProbe"),
};
