import * as k8s from "@pulumi/kubernetes";
import { CompanionMeta, companionMetadata } from "./companions";
import { HardenedArgsError } from "./errors";

/**
 * A HorizontalPodAutoscaler (`autoscaling/v2`) for the Deployment. The Deployment then leaves
 * `replicas` unset so that the autoscaler owns it, and the PodDisruptionBudget follows
 * `minReplicas`.
 */
export interface AutoscalingArgs {
  /**
   * The fewest pods.
   * @default 2
   */
  readonly minReplicas?: number;
  /** The most pods. */
  readonly maxReplicas: number;
  /**
   * Target average CPU use, in percent of the CPU request; `null` for none.
   * @default 80
   */
  readonly cpuUtilization?: number | null;
  /**
   * Target average memory use, in percent of the memory request.
   * @default none
   */
  readonly memoryUtilization?: number;
  /**
   * Further metrics (pods, object or external metrics).
   * @default []
   */
  readonly metrics?: readonly k8s.types.input.autoscaling.v2.MetricSpec[];
  /**
   * Scaling behavior (stabilization windows, rate policies).
   * @default Kubernetes' defaults
   */
  readonly behavior?: k8s.types.input.autoscaling.v2.HorizontalPodAutoscalerBehavior;
}

/** The checked replica bounds of an autoscaler. */
export interface ResolvedAutoscaling {
  /** The fewest pods. */
  readonly minReplicas: number;
  /** The autoscaler's arguments. */
  readonly args: k8s.autoscaling.v2.HorizontalPodAutoscalerArgs;
}

function integer(value: unknown, min: number, max: number, arg: string, owner: string): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    throw new HardenedArgsError(
      owner,
      arg,
      `expected an integer from ${min} to ${max}, got ${JSON.stringify(value)}`,
    );
  }
  return value;
}

function utilization(resource: "cpu" | "memory", averageUtilization: number) {
  return {
    type: "Resource",
    resource: { name: resource, target: { type: "Utilization", averageUtilization } },
  };
}

/**
 * Checks the autoscaling arguments (1 <= minReplicas <= maxReplicas, percentages from 1 to 1000,
 * at least one metric) and plans the HorizontalPodAutoscaler scaling the Deployment `meta.name`.
 */
export function planAutoscaling(
  meta: CompanionMeta,
  args: AutoscalingArgs,
  arg: string,
  owner: string,
): ResolvedAutoscaling {
  const minReplicas = integer(args.minReplicas ?? 2, 1, 10000, `${arg}.minReplicas`, owner);
  const maxReplicas = integer(args.maxReplicas, minReplicas, 10000, `${arg}.maxReplicas`, owner);
  const cpu = args.cpuUtilization === undefined ? 80 : args.cpuUtilization;
  const metrics = [
    ...(cpu === null
      ? []
      : [utilization("cpu", integer(cpu, 1, 1000, `${arg}.cpuUtilization`, owner))]),
    ...(args.memoryUtilization === undefined
      ? []
      : [
          utilization(
            "memory",
            integer(args.memoryUtilization, 1, 1000, `${arg}.memoryUtilization`, owner),
          ),
        ]),
    ...(args.metrics ?? []),
  ];
  if (metrics.length === 0) {
    throw new HardenedArgsError(
      owner,
      arg,
      "has no metric; give cpuUtilization, memoryUtilization or metrics",
    );
  }
  return {
    minReplicas,
    args: {
      metadata: companionMetadata(meta),
      spec: {
        scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: meta.name },
        minReplicas,
        maxReplicas,
        metrics,
        ...(args.behavior === undefined ? {} : { behavior: args.behavior }),
      },
    },
  };
}
