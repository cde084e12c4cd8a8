import { HARDENED_PROFILES } from "../../profile";
import { KubernetesRule } from "../kubernetes-rule";
import { checkResource } from "./support/resources";

/** Hardened extra: init and regular containers request CPU and memory. */
export const resourceRequests: KubernetesRule = {
  id: "resource-requests",
  title: "Containers must request CPU and memory",
  description:
    "Without requests the scheduler packs pods blindly and the pod is first to be evicted under pressure (BestEffort); a noisy neighbour then starves the node. Each of cpu and memory must be a Kubernetes quantity greater than zero; a limit counts as the request, since the API server sets a missing request to the limit. Visits init and regular containers; ephemeral containers cannot set resources and are skipped.",
  severity: "error",
  profiles: HARDENED_PROFILES,
  target: "kubernetes",
  references: {
    kubeLinter: ["unset-cpu-requirements", "unset-memory-requirements"],
    checkov: ["CKV_K8S_10", "CKV_K8S_12"],
    polaris: ["cpuRequestsMissing", "memoryRequestsMissing"],
    kyverno: ["require-requests-limits"],
    trivy: ["KSV015", "KSV016"],
  },
  remediation:
    'Set resources.requests.cpu and resources.requests.memory (for example "100m" and "128Mi") from the container\'s measured usage.',
  checkContainer: (ctx) => [
    ...checkResource(ctx, "requests", "cpu"),
    ...checkResource(ctx, "requests", "memory"),
  ],
};
