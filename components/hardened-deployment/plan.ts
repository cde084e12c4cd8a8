import * as k8s from "@pulumi/kubernetes";
import { Exemption } from "../../rules/exemptions/exemption";
import { HardenedDeploymentArgs } from "./args";
import { planAutoscaling } from "./autoscaling";
import {
  CompanionMeta,
  networkPolicyArgs,
  podDisruptionBudgetArgs,
  serviceAccountArgs,
  serviceArgs,
} from "./companions";
import { ContainerPlan, planContainers } from "./container-plan";
import { checkDnsLabel } from "./dns-label";
import { HardenedArgsError } from "./errors";
import { checkRuleOptions } from "./check-workload";
import { exemptionAnnotations, resolveExemptions } from "./exemptions";
import { checkPodMetadata, checkPodScheduling } from "./pod-settings";
import { ResolvedPort } from "./ports";
import { resolveResources } from "./resources";
import { checkNumericIds } from "./security-context";
import { resolveVolumes } from "./volumes";
import { resolveWritablePaths, writableVolumes } from "./writable-paths";

/** Everything about a `HardenedDeployment` that is known when it is constructed, validated. */
export interface DeploymentPlan {
  /** `HardenedDeployment "<name>"`, for messages. */
  readonly owner: string;
  /** The companions' shared metadata (the Deployment's name, namespace and labels). */
  readonly meta: CompanionMeta;
  /** The labels selecting the pods. */
  readonly selectorLabels: Readonly<Record<string, string>>;
  /** The Deployment's annotations: the exemption annotations, if any. */
  readonly annotations: Readonly<Record<string, string>>;
  /** The resolved exemptions. */
  readonly exemptions: readonly Exemption[];
  /**
   * The number of pods; unset when an autoscaler owns it.
   * @default unset
   */
  readonly replicas?: number;
  /** The pod template's labels and annotations. */
  readonly podMetadata: {
    readonly labels: Readonly<Record<string, string>>;
    readonly annotations?: Readonly<Record<string, string>>;
  };
  /** The containers, application first. */
  readonly containers: readonly ContainerPlan[];
  /** The init containers. */
  readonly initContainers: readonly ContainerPlan[];
  /** Every port of the pod, for the Service and the NetworkPolicy. */
  readonly ports: readonly ResolvedPort[];
  /** The pod's volumes: writable paths, then declared volumes (sources may hold outputs). */
  readonly volumes: readonly Record<string, unknown>[];
  /** The service account the pods run as. */
  readonly serviceAccountName: string;
  /**
   * The ServiceAccount to create, or undefined when an existing one is used.
   * @default none: an existing account is used
   */
  readonly serviceAccount?: k8s.core.v1.ServiceAccountArgs;
  /**
   * The Service to create, if any.
   * @default none
   */
  readonly service?: k8s.core.v1.ServiceArgs;
  /**
   * The PodDisruptionBudget to create, if any.
   * @default none
   */
  readonly podDisruptionBudget?: k8s.policy.v1.PodDisruptionBudgetArgs;
  /**
   * The NetworkPolicy to create, if any.
   * @default none
   */
  readonly networkPolicy?: k8s.networking.v1.NetworkPolicyArgs;
  /**
   * The HorizontalPodAutoscaler to create, if any.
   * @default none
   */
  readonly autoscaler?: k8s.autoscaling.v2.HorizontalPodAutoscalerArgs;
}

function checkServiceAccountName(value: unknown, owner: string): string {
  if (typeof value !== "string" || value.trim() === "") {
    throw new HardenedArgsError(
      owner,
      "args.serviceAccountName",
      `expected the name of an existing ServiceAccount, got ${JSON.stringify(value)}`,
    );
  }
  return value;
}

/**
 * Validates the arguments that are plain values and plans every resource. Inputs that may be
 * unknown (image, namespace, env, probes) are checked later, once known.
 */
export function planDeployment(
  componentName: string,
  args: HardenedDeploymentArgs,
): DeploymentPlan {
  const owner = `HardenedDeployment "${componentName}"`;
  const name = checkDnsLabel(
    args.name ?? componentName,
    args.name === undefined ? "name (the component name)" : "args.name",
    owner,
  );
  const containerName = checkDnsLabel(args.containerName ?? "app", "args.containerName", owner);
  if (args.replicas !== undefined && args.autoscaling !== undefined) {
    throw new HardenedArgsError(
      owner,
      "args.replicas",
      "is set together with args.autoscaling; the autoscaler owns the number of pods, give autoscaling.minReplicas instead",
    );
  }
  const replicas = args.autoscaling === undefined ? (args.replicas ?? 2) : undefined;
  if (replicas !== undefined && (!Number.isInteger(replicas) || replicas < 0)) {
    throw new HardenedArgsError(
      owner,
      "args.replicas",
      `expected a non-negative integer, got ${JSON.stringify(replicas)}`,
    );
  }
  const resources = resolveResources(args.resources, "args.resources", owner);
  const writable = resolveWritablePaths(
    args.tmp,
    args.writablePaths,
    { tmp: "args.tmp", paths: "args.writablePaths" },
    owner,
    resources.limits.memory,
    (args.volumes ?? []).map((v) => v.name),
  );
  const volumes = resolveVolumes(
    args.volumes,
    "args.volumes",
    owner,
    new Set(writable.map((w) => w.name)),
  );
  const { containers, initContainers } = planContainers(
    args,
    containerName,
    resources,
    writable,
    volumes,
    owner,
  );
  const ports = [...containers, ...initContainers].flatMap((c) => c.ports);
  checkNumericIds(args.securityContext?.pod, "args.securityContext.pod", owner);
  checkNumericIds(args.securityContext?.container, "args.securityContext.container", owner);
  (args.sidecars ?? []).forEach((c, i) =>
    checkNumericIds(c.securityContext, `args.sidecars[${i}].securityContext`, owner),
  );
  (args.initContainers ?? []).forEach((c, i) =>
    checkNumericIds(c.securityContext, `args.initContainers[${i}].securityContext`, owner),
  );
  checkPodScheduling(args, owner);
  checkRuleOptions(args.ruleOptions, "args.ruleOptions", owner);
  const exemptions = resolveExemptions(
    args.exemptions,
    [...containers, ...initContainers].map((c) => c.name),
    "args.exemptions",
    owner,
  );
  const selectorLabels = { "app.kubernetes.io/name": name };
  const meta: CompanionMeta = {
    name,
    namespace: args.namespace,
    labels: { ...args.labels, ...selectorLabels },
  };
  const podMetadata = checkPodMetadata(args, meta.labels, owner);
  if (args.service !== undefined && args.service !== null && ports.length === 0) {
    throw new HardenedArgsError(
      owner,
      "args.service",
      "is set but args.ports is empty; a Service needs at least one port",
    );
  }
  const autoscaling =
    args.autoscaling === undefined
      ? undefined
      : planAutoscaling(meta, args.autoscaling, "args.autoscaling", owner);
  const minReplicas = autoscaling?.minReplicas ?? replicas ?? 0;
  const pdb =
    args.podDisruptionBudget === null ||
    (args.podDisruptionBudget === undefined && minReplicas <= 1)
      ? undefined
      : podDisruptionBudgetArgs(
          meta,
          selectorLabels,
          args.podDisruptionBudget ?? {},
          "args.podDisruptionBudget",
          owner,
        );
  const serviceAccountName =
    args.serviceAccountName === undefined
      ? name
      : checkServiceAccountName(args.serviceAccountName, owner);
  return {
    owner,
    meta,
    selectorLabels,
    annotations: exemptionAnnotations(args.exemptions),
    exemptions,
    replicas,
    podMetadata,
    containers,
    initContainers,
    ports,
    volumes: [...writableVolumes(writable), ...volumes.map((v) => v.volume)],
    serviceAccountName,
    serviceAccount: args.serviceAccountName === undefined ? serviceAccountArgs(meta) : undefined,
    service:
      args.service === null || ports.length === 0
        ? undefined
        : serviceArgs(meta, selectorLabels, ports, args.service ?? {}),
    podDisruptionBudget: pdb,
    networkPolicy:
      args.networkPolicy === null
        ? undefined
        : networkPolicyArgs(meta, selectorLabels, ports, args.networkPolicy ?? {}),
    autoscaler: autoscaling?.args,
  };
}
