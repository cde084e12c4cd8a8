import { KubernetesObject } from "../../rules/kubernetes/types";
import { DeploymentPlan } from "./plan";
import { PodSpecPlan, buildPodSpec } from "./pod-spec";

/** The arguments that may be Pulumi outputs, once known and checked. */
export type ResolvedInputs = Pick<
  PodSpecPlan,
  "image" | "user" | "env" | "livenessProbe" | "readinessProbe" | "startupProbe"
> & {
  /**
   * The namespace.
   * @default unset (the provider's namespace)
   */
  readonly namespace?: string;
};

/** Plain settings of the pod that the plan does not hold. */
export type PodSettings = Pick<
  PodSpecPlan,
  "command" | "args" | "securityContext" | "automountServiceAccountToken" | "topologySpread"
>;

/** Builds the Deployment as plain data, exactly as it is sent to Kubernetes. */
export function deploymentObject(
  plan: DeploymentPlan,
  settings: PodSettings,
  inputs: ResolvedInputs,
): KubernetesObject {
  const { namespace, ...podInputs } = inputs;
  const podSpec = buildPodSpec({
    ...settings,
    ...podInputs,
    containerName: plan.containerName,
    resources: plan.resources,
    ports: plan.ports,
    writable: plan.writable,
    serviceAccountName: plan.serviceAccountName,
    selectorLabels: plan.selectorLabels,
  });
  const metadata = {
    name: plan.meta.name,
    ...(namespace === undefined ? {} : { namespace }),
    labels: { ...plan.meta.labels },
    ...(Object.keys(plan.annotations).length === 0 ? {} : { annotations: { ...plan.annotations } }),
  };
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata,
    spec: {
      replicas: plan.replicas,
      selector: { matchLabels: { ...plan.selectorLabels } },
      template: { metadata: { labels: { ...plan.meta.labels } }, spec: podSpec },
    },
  };
}
