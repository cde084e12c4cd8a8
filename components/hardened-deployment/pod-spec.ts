import * as k8s from "@pulumi/kubernetes";
import { PodSecurityContext, SecurityContext } from "../../rules/kubernetes/types";
import { SecurityContextOverrides, TopologySpreadArgs } from "./args";
import { ResolvedPort } from "./ports";
import { ContainerResources } from "./resources";
import {
  HARDENED_CONTAINER_SECURITY_CONTEXT,
  ImageUser,
  mergeSecurityContext,
  podSecurityDefaults,
} from "./security-context";
import { ResolvedWritablePath, writableMounts, writableVolumes } from "./writable-paths";

type Probe = k8s.types.input.core.v1.Probe;

/** Everything the pod spec is built from, validated and with every input known. */
export interface PodSpecPlan {
  /** The application container's name. */
  readonly containerName: string;
  /** The image reference. */
  readonly image: string;
  /**
   * The image's user, the default of `runAsUser`, `runAsGroup` and `fsGroup`.
   * @default 65534:65534
   */
  readonly user?: ImageUser;
  /** Resolved requests and limits. */
  readonly resources: ContainerResources;
  /** Resolved ports. */
  readonly ports: readonly ResolvedPort[];
  /**
   * Environment variables, as given.
   * @default none
   */
  readonly env?: readonly unknown[];
  /**
   * The entrypoint.
   * @default the image's
   */
  readonly command?: readonly string[];
  /**
   * The entrypoint's arguments.
   * @default the image's
   */
  readonly args?: readonly string[];
  /**
   * The liveness probe.
   * @default none
   */
  readonly livenessProbe?: Probe;
  /**
   * The readiness probe.
   * @default none
   */
  readonly readinessProbe?: Probe;
  /**
   * The startup probe; null for none.
   * @default {@link defaultStartupProbe}
   */
  readonly startupProbe?: Probe | null;
  /** Resolved writable paths, `/tmp` included unless removed. */
  readonly writable: readonly ResolvedWritablePath[];
  /**
   * Security context overrides.
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

/** The default startup probe: TCP on the first TCP port, every 2 seconds for up to 60 seconds. */
export function defaultStartupProbe(ports: readonly ResolvedPort[]): Probe | undefined {
  const tcp = ports.find((p) => p.protocol === "TCP");
  return tcp === undefined
    ? undefined
    : { tcpSocket: { port: tcp.name }, periodSeconds: 2, failureThreshold: 30 };
}

function defined(entries: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(entries).filter(([, v]) => v !== undefined));
}

/** Builds the hardened pod spec as plain data. */
export function buildPodSpec(plan: PodSpecPlan): Record<string, unknown> {
  const startupProbe =
    plan.startupProbe === undefined ? defaultStartupProbe(plan.ports) : plan.startupProbe;
  const container = defined({
    name: plan.containerName,
    image: plan.image,
    command: plan.command,
    args: plan.args,
    env: plan.env,
    ports:
      plan.ports.length === 0
        ? undefined
        : plan.ports.map((p) => ({ name: p.name, containerPort: p.port, protocol: p.protocol })),
    resources: plan.resources,
    startupProbe: startupProbe ?? undefined,
    livenessProbe: plan.livenessProbe,
    readinessProbe: plan.readinessProbe,
    securityContext: mergeSecurityContext<SecurityContext>(
      HARDENED_CONTAINER_SECURITY_CONTEXT,
      undefined,
      plan.securityContext?.container,
    ),
    volumeMounts: plan.writable.length === 0 ? undefined : writableMounts(plan.writable),
  });
  const spread = plan.topologySpread;
  return defined({
    serviceAccountName: plan.serviceAccountName,
    automountServiceAccountToken: plan.automountServiceAccountToken,
    securityContext: mergeSecurityContext<PodSecurityContext>(
      podSecurityDefaults(plan.user),
      undefined,
      plan.securityContext?.pod,
    ),
    containers: [container],
    volumes: plan.writable.length === 0 ? undefined : writableVolumes(plan.writable),
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
