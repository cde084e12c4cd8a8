import { HARDENED_PROFILES } from "../../profile";
import { ARGO_WORKFLOW_KINDS } from "../argo-workflows";
import { KubernetesRule } from "../kubernetes-rule";
import { checkProbe } from "./support/probes";

const RUN_TO_COMPLETION_KINDS: ReadonlySet<string> = new Set([
  "Job",
  "CronJob",
  ...ARGO_WORKFLOW_KINDS,
]);

/** Hardened extra: long-running containers of serving workloads have a readiness probe. */
export const readinessProbe: KubernetesRule = {
  id: "readiness-probe",
  title: "Containers must have a readiness probe",
  description:
    "Without a readiness probe a pod receives traffic as soon as its process starts, before it can serve, and keeps receiving it while it cannot. Visits regular containers and sidecars (init containers with restartPolicy: Always); other init containers run to completion, and ephemeral containers cannot have probes. Jobs, CronJobs and Argo Workflows are skipped: their pods run to completion and no Service waits on their readiness.",
  severity: "warning",
  profiles: HARDENED_PROFILES,
  target: "kubernetes",
  references: {
    kubeLinter: ["no-readiness-probe"],
    checkov: ["CKV_K8S_9"],
    polaris: ["readinessProbeMissing"],
    kyverno: ["require-pod-probes"],
  },
  remediation:
    "Add a readinessProbe (httpGet, tcpSocket, grpc or exec) that succeeds only when the container can serve requests.",
  checkContainer: (ctx, pod) =>
    RUN_TO_COMPLETION_KINDS.has(String(pod.workload.kind)) ? [] : checkProbe(ctx, "readinessProbe"),
};
