/*
 * The pack's remediation applies the fix each Kubernetes rule carries (`KubernetesRule.fix`), at
 * the pod spec of the workload it validates. The fixes live beside their rules, in
 * `rules/kubernetes/pod-spec-fixes.ts`; they are re-exported here for the pack.
 */
export {
  PodSpecFix,
  disableServiceAccountTokenAutomount,
  disallowPrivilegeEscalation,
  dropAllCapabilities,
  fixWorkload,
  setReadOnlyRootFilesystem,
  setRunAsNonRoot,
  setSeccompRuntimeDefault,
} from "../rules/kubernetes/pod-spec-fixes";
