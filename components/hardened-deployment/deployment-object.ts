import * as pulumi from "@pulumi/pulumi";
import { KubernetesObject } from "../../rules/kubernetes/types";
import { ContainerInputs, buildContainer } from "./container-spec";
import { DeploymentPlan } from "./plan";
import { PodScheduling, PodSpecPlan, buildPodSpec } from "./pod-spec";
import { ImageUser } from "./security-context";

/** The arguments that may be Pulumi outputs, once known. */
export interface ResolvedInputs {
  /**
   * The namespace.
   * @default unset (the provider's namespace)
   */
  readonly namespace?: string;
  /** Each container's inputs, in the order of `plan.containers`. */
  readonly containers: readonly pulumi.Unwrap<ContainerInputs>[];
  /** Each init container's inputs, in the order of `plan.initContainers`. */
  readonly initContainers: readonly pulumi.Unwrap<ContainerInputs>[];
  /** The pod's volumes, sources known. */
  readonly volumes: readonly Record<string, unknown>[];
  /** Scheduling fields whose values may have been outputs. */
  readonly scheduling: Pick<PodScheduling, "nodeSelector" | "tolerations" | "affinity">;
}

/** Plain settings of the pod that the plan does not hold. */
export type PodSettings = Pick<
  PodSpecPlan,
  | "securityContext"
  | "automountServiceAccountToken"
  | "topologySpread"
  | "imagePullSecrets"
  | "priorityClassName"
  | "terminationGracePeriodSeconds"
>;

/**
 * Builds the Deployment as plain data, exactly as it is sent to Kubernetes, and returns it with
 * the application image's user. Throws when an image, an image user or a probe is invalid.
 */
export function deploymentObject(
  plan: DeploymentPlan,
  settings: PodSettings,
  inputs: ResolvedInputs,
): { readonly workload: KubernetesObject; readonly user?: ImageUser } {
  const allowUnpinned = plan.exemptions.some((e) => e.ruleId === "image-digest");
  const containers = plan.containers.map((c, i) =>
    buildContainer(c, inputs.containers[i], plan.owner, allowUnpinned),
  );
  const initContainers = plan.initContainers.map(
    (c, i) => buildContainer(c, inputs.initContainers[i], plan.owner, allowUnpinned).container,
  );
  const user = containers[0].user;
  const podSpec = buildPodSpec({
    ...settings,
    ...inputs.scheduling,
    user,
    containers: containers.map((c) => c.container),
    initContainers,
    volumes: inputs.volumes,
    serviceAccountName: plan.serviceAccountName,
    selectorLabels: plan.selectorLabels,
  });
  const metadata = {
    name: plan.meta.name,
    ...(inputs.namespace === undefined ? {} : { namespace: inputs.namespace }),
    labels: { ...plan.meta.labels },
    ...(Object.keys(plan.annotations).length === 0 ? {} : { annotations: { ...plan.annotations } }),
  };
  const workload = {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata,
    spec: {
      ...(plan.replicas === undefined ? {} : { replicas: plan.replicas }),
      selector: { matchLabels: { ...plan.selectorLabels } },
      template: { metadata: { ...plan.podMetadata }, spec: podSpec },
    },
  };
  return user === undefined ? { workload } : { workload, user };
}
