import { HARDENED_PROFILES } from "../../profile";
import { KubernetesRule } from "../kubernetes-rule";
import { checkResource } from "./support/resources";

/** Hardened extra: init and regular containers have a memory limit. */
export const memoryLimit: KubernetesRule = {
  id: "memory-limit",
  title: "Containers must have a memory limit",
  description:
    "Without a memory limit one leaking or attacked container can exhaust the node's memory and get other pods killed. The limit must be a Kubernetes quantity greater than zero. (A CPU limit is not required: throttling hurts latency more than it protects.) Visits init and regular containers; ephemeral containers cannot set resources and are skipped.",
  severity: "error",
  profiles: HARDENED_PROFILES,
  target: "kubernetes",
  references: {
    kubeLinter: ["unset-memory-requirements"],
    checkov: ["CKV_K8S_13"],
    polaris: ["memoryLimitsMissing"],
    kyverno: ["require-requests-limits"],
    trivy: ["KSV018"],
  },
  remediation:
    'Set resources.limits.memory (for example "256Mi"), at or somewhat above the memory request.',
  checkContainer: (ctx) => checkResource(ctx, "limits", "memory"),
};
