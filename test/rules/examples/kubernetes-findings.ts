import { parse } from "yaml";
import { checkManifests } from "../../../cli/manifests/check-manifests";
import { evaluateWorkload } from "../../../rules/kubernetes/evaluate";
import { KubernetesRuleOptions } from "../../../rules/kubernetes/options";
import { KUBERNETES_RULES } from "../../../rules/kubernetes/rules";
import { KubernetesObject } from "../../../rules/kubernetes/types";

/**
 * The open findings of the workload rule `ruleId` on the one manifest `yaml`, evaluated as
 * `hardened check` and the pack evaluate a workload (`evaluateWorkload`), with only that rule
 * running (as its pack policy does), so that a stricter rule covering it does not hide it.
 */
export function workloadFindings(
  ruleId: string,
  yaml: string,
  settings: KubernetesRuleOptions,
): string[] {
  return evaluateWorkload(parse(yaml) as KubernetesObject, {
    options: settings,
    rules: KUBERNETES_RULES.filter((r) => r.id === ruleId),
  })
    .filter((f) => !f.exempted)
    .map((f) => f.message);
}

/** The open findings of the set rule `ruleId` when `hardened check` reads the manifests `yaml`. */
export function manifestSetFindings(
  ruleId: string,
  yaml: string,
  settings: KubernetesRuleOptions,
): string[] {
  const { findings } = checkManifests([{ file: "example.yaml", text: yaml }], {
    options: settings,
  });
  return findings.filter((f) => f.ruleId === ruleId && !f.exempted).map((f) => f.message);
}
