import { PodSecurityContext } from "../../rules/kubernetes/types";
import { SecurityContextOverrides, TopologySpreadArgs } from "./args";
import { ImageUser, mergeSecurityContext, podSecurityDefaults } from "./security-context";

/** Scheduling and lifecycle fields of the pod, passed through as given. */
export interface PodScheduling {
  /**
   * Names of Secrets holding registry credentials.
   * @default none
   */
  readonly imagePullSecrets?: readonly string[];
  /**
   * Node labels the pod must be scheduled on.
   * @default none
   */
  readonly nodeSelector?: Readonly<Record<string, string>>;
  /**
   * Tolerations of node taints.
   * @default none
   */
  readonly tolerations?: readonly unknown[];
  /**
   * Node and pod affinity.
   * @default none
   */
  readonly affinity?: unknown;
  /**
   * The PriorityClass.
   * @default the cluster's default priority
   */
  readonly priorityClassName?: string;
  /**
   * Seconds between SIGTERM and SIGKILL.
   * @default Kubernetes' default (30)
   */
  readonly terminationGracePeriodSeconds?: number;
}

/** Everything the pod spec is built from, with every input known and checked. */
export interface PodSpecPlan extends PodScheduling {
  /** The containers, application first, built. */
  readonly containers: readonly Record<string, unknown>[];
  /** The init containers, built. */
  readonly initContainers: readonly Record<string, unknown>[];
  /** The pod's volumes: writable paths, then declared volumes. */
  readonly volumes: readonly Record<string, unknown>[];
  /**
   * The application image's user, the default of `runAsUser`, `runAsGroup` and `fsGroup`.
   * @default 65534:65534
   */
  readonly user?: ImageUser;
  /**
   * Security context overrides (the pod-level ones are used here).
   * @default {} (every default applied)
   */
  readonly securityContext?: SecurityContextOverrides;
  /** The pod's `automountServiceAccountToken`. */
  readonly automountServiceAccountToken: boolean;
  /** The service account the pod runs as. */
  readonly serviceAccountName: string;
  /**
   * Topology spread settings; null for none.
   * @default spread by hostname, maxSkew 1
   */
  readonly topologySpread?: TopologySpreadArgs | null;
  /** The labels selecting the pods. */
  readonly selectorLabels: Readonly<Record<string, string>>;
}

function defined(entries: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(entries).filter(([, v]) => v !== undefined));
}

function nonEmpty<T>(list: readonly T[] | undefined): readonly T[] | undefined {
  return list === undefined || list.length === 0 ? undefined : list;
}

/** Builds the hardened pod spec as plain data. */
export function buildPodSpec(plan: PodSpecPlan): Record<string, unknown> {
  const spread = plan.topologySpread;
  return defined({
    serviceAccountName: plan.serviceAccountName,
    automountServiceAccountToken: plan.automountServiceAccountToken,
    securityContext: mergeSecurityContext<PodSecurityContext>(
      podSecurityDefaults(plan.user),
      undefined,
      plan.securityContext?.pod,
    ),
    imagePullSecrets: nonEmpty(plan.imagePullSecrets?.map((name) => ({ name }))),
    initContainers: nonEmpty(plan.initContainers),
    containers: plan.containers,
    volumes: nonEmpty(plan.volumes),
    nodeSelector: plan.nodeSelector,
    tolerations: nonEmpty(plan.tolerations),
    affinity: plan.affinity,
    priorityClassName: plan.priorityClassName,
    terminationGracePeriodSeconds: plan.terminationGracePeriodSeconds,
    topologySpreadConstraints:
      spread === null
        ? undefined
        : [
            {
              maxSkew: spread?.maxSkew ?? 1,
              topologyKey: spread?.topologyKey ?? "kubernetes.io/hostname",
              whenUnsatisfiable: "ScheduleAnyway",
              labelSelector: { matchLabels: { ...plan.selectorLabels } },
            },
          ],
  });
}
