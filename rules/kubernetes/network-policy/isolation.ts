import { applyExemptions } from "../../exemptions/exemption";
import { fieldPath } from "../../field-path";
import { Finding } from "../../finding";
import { HARDENED_PROFILES } from "../../profile";
import { listOf, recordOf, stringOf } from "../../read";
import { RuleMetadata, Violation } from "../../rule";
import { knownOrUndefined } from "../../unknown";
import { resolveKubernetesRuleOptions } from "../options";
import { podContextOf } from "../pod-context";
import { PodTemplateKind, workloadShapeOf } from "../pod-templates";
import { KubernetesObject } from "../types";
import { workloadExemptions } from "../workload-exemptions";
import { WorkloadShape } from "../workload-kinds";
import { selectorMatches } from "./label-selector";

/**
 * Cross-resource rule: every workload's pods are selected by a NetworkPolicy that restricts
 * traffic. It reads a set of objects together (the files given to `hardened check`, a stack's
 * resources), so it has no per-workload check.
 */
export const networkPolicyIsolation: RuleMetadata = {
  id: "network-policy-isolation",
  title: "Every workload must be selected by a NetworkPolicy that restricts its traffic",
  description:
    "Pods no NetworkPolicy selects accept traffic from every pod of the cluster and may reach anything, so one compromised pod reaches them all. A NetworkPolicy selects a workload when it is in the same namespace (unset counts as default) and its podSelector matches the pod template's labels; it restricts traffic unless it only allows everything (an ingress or egress rule with no from/to and no ports, for every policy type it lists). Each workload is reported once. Checked over a set of objects that holds at least one NetworkPolicy: a set with none is taken to leave network policy to another place (cluster-wide policies, another repository).",
  severity: "warning",
  profiles: HARDENED_PROFILES,
  target: "kubernetes-set",
  references: {
    kubeLinter: ["non-isolated-pod"],
    kyverno: ["require-netpol"],
    docs: ["https://kubernetes.io/docs/concepts/services-networking/network-policies/"],
  },
  remediation:
    "Add a NetworkPolicy in the workload's namespace whose podSelector matches its pod labels: a default deny (podSelector: {}, policyTypes: [Ingress, Egress]) plus policies that allow the traffic it needs. HardenedDeployment emits one.",
};

/** A workload and where its pod template is. */
export interface WorkloadInSet {
  readonly object: KubernetesObject;
  readonly shape: WorkloadShape;
}

/** True when a NetworkPolicy rule (`ingress[i]`, `egress[i]`) allows all peers on all ports. */
function allowsAll(rule: unknown, peers: "from" | "to"): boolean {
  const fields = recordOf(rule) ?? {};
  return listOf(fields[peers]).length === 0 && listOf(fields.ports).length === 0;
}

/** True when `policy` restricts the ingress or the egress of the pods it selects. */
function restricts(policy: KubernetesObject): boolean {
  const spec = recordOf(policy.spec) ?? {};
  const declared = listOf(spec.policyTypes).filter((t): t is string => typeof t === "string");
  const types =
    declared.length > 0 ? declared : ["Ingress", ...(spec.egress !== undefined ? ["Egress"] : [])];
  return (
    (types.includes("Ingress") && !listOf(spec.ingress).some((r) => allowsAll(r, "from"))) ||
    (types.includes("Egress") && !listOf(spec.egress).some((r) => allowsAll(r, "to")))
  );
}

function namespaceOf(object: KubernetesObject): string {
  return stringOf(recordOf(object.metadata)?.namespace) ?? "default";
}

function nameOf(object: KubernetesObject): string {
  return stringOf(recordOf(object.metadata)?.name) ?? "(unnamed)";
}

/** The pod template labels of a workload. */
function podLabels(workload: WorkloadInSet): Readonly<Record<string, unknown>> {
  let node: unknown = workload.object;
  for (const segment of workload.shape.metadata) {
    node = recordOf(node)?.[segment];
  }
  return recordOf(recordOf(node)?.labels) ?? {};
}

/**
 * The workloads of a set that no restricting NetworkPolicy selects, each with one violation at
 * its pod template's labels; an empty list when `objects` holds no NetworkPolicy. A workload whose
 * decision reads a value not known yet is left out.
 */
export function unisolatedWorkloads(
  workloads: readonly WorkloadInSet[],
  objects: readonly KubernetesObject[],
): { readonly workload: WorkloadInSet; readonly violation: Violation }[] {
  const policies = objects.filter((o) => o.kind === "NetworkPolicy");
  if (policies.length === 0) {
    return [];
  }
  return workloads.flatMap((workload) => knownOrUndefined(() => isolationOf(workload)) ?? []);

  /**
   * The violation of one workload, or none; reading a value not known yet (its namespace or
   * labels, or any policy's namespace, selector or rules during a preview) throws, and the caller
   * leaves the workload undecided rather than report it.
   */
  function isolationOf(
    workload: WorkloadInSet,
  ): { readonly workload: WorkloadInSet; readonly violation: Violation }[] {
    const namespace = namespaceOf(workload.object);
    const labels = podLabels(workload);
    const selecting = policies.filter(
      (p) =>
        namespaceOf(p) === namespace &&
        selectorMatches(recordOf(p.spec)?.podSelector ?? {}, labels),
    );
    if (selecting.some(restricts)) {
      return [];
    }
    const found =
      selecting.length === 0
        ? `no NetworkPolicy in namespace ${namespace} selects its pods`
        : `only NetworkPolicies that allow all traffic select its pods (${selecting.map(nameOf).join(", ")})`;
    return [
      {
        workload,
        violation: {
          path: fieldPath("", ...workload.shape.metadata, "labels"),
          message: `${found}; expected a NetworkPolicy that selects them and restricts ingress or egress`,
          container: null,
        },
      },
    ];
  }
}

/**
 * `network-policy-isolation` over a set of objects: one finding per workload (core, built-in
 * pod-template kinds and `podTemplates`) that no restricting NetworkPolicy selects, with the index
 * of the workload in `objects`. The workload's own `hardened.dev/exempt` annotations are applied;
 * exemptions from a config are the caller's. Values not known yet (during a preview) never produce
 * a finding: a workload whose namespace, labels, exemption annotations, or selecting policies
 * cannot be read yet is not reported.
 */
export function networkIsolationFindings(
  objects: readonly KubernetesObject[],
  podTemplates: readonly PodTemplateKind[] = [],
): { readonly index: number; readonly finding: Finding }[] {
  const workloads: (WorkloadInSet & { readonly index: number })[] = [];
  objects.forEach((object, index) => {
    const shape = workloadShapeOf(object, podTemplates);
    if (shape !== undefined) {
      workloads.push({ object, shape, index });
    }
  });
  return unisolatedWorkloads(workloads, objects).flatMap(({ workload, violation }) => {
    const { object, shape, index } = workload as WorkloadInSet & { readonly index: number };
    const kind = String(object.kind);
    const finding: Finding = {
      ruleId: networkPolicyIsolation.id,
      severity: networkPolicyIsolation.severity,
      message: violation.message,
      path: violation.path,
      container: null,
      kind,
      name: stringOf(recordOf(object.metadata)?.name),
      namespace: stringOf(recordOf(object.metadata)?.namespace) ?? null,
    };
    const exempted = knownOrUndefined(() => {
      const pod = podContextOf(object, kind, resolveKubernetesRuleOptions(), shape);
      const declared = workloadExemptions(pod, (id) => id === networkPolicyIsolation.id);
      return applyExemptions([finding], declared.exemptions)[0];
    });
    return exempted === undefined ? [] : [{ index, finding: exempted }];
  });
}
