import { evaluateWorkload } from "../../../../rules/kubernetes/evaluate";
import { KubernetesRule } from "../../../../rules/kubernetes/kubernetes-rule";
import { KubernetesRuleOptions } from "../../../../rules/kubernetes/options";
import { KubernetesObject } from "../../../../rules/kubernetes/types";
import { WORKLOAD_SHAPES } from "../../../../rules/kubernetes/workload-kinds";
import { fieldPath } from "../../../../rules/field-path";
import { hardenedPodSpec, setPath, workloadOf } from "../../../fixtures/workloads";

/** A finding reduced to what the extras tests compare: rule id, field path and container. */
export type Found = [ruleId: string, path: string, container: string | null];

/** Field path of the pod spec in a workload of `kind`. */
export function podPathOf(kind: string): string {
  return fieldPath("", ...WORKLOAD_SHAPES[kind].spec);
}

/** Runs one rule alone on `workload` and returns its findings as `Found` triples. */
export function runRule(
  rule: KubernetesRule,
  workload: KubernetesObject,
  options: KubernetesRuleOptions = {},
): Found[] {
  return evaluateWorkload(workload, { rules: [rule], options }).map((f) => [
    f.ruleId,
    f.path,
    f.container,
  ]);
}

/** A hardened Pod whose spec has `changes` applied (paths relative to the pod spec). */
export function podWith(changes: Readonly<Record<string, unknown>>): KubernetesObject {
  const spec = hardenedPodSpec();
  for (const [path, value] of Object.entries(changes)) {
    setPath(spec, path, value);
  }
  return workloadOf("Pod", spec);
}

/** The messages of one rule's findings on `workload`. */
export function messagesOf(
  rule: KubernetesRule,
  workload: KubernetesObject,
  options: KubernetesRuleOptions = {},
): string[] {
  return evaluateWorkload(workload, { rules: [rule], options }).map((f) => f.message);
}
