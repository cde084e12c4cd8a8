import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { KubernetesRuleOptions } from "../../rules/kubernetes/options";
import { PodSecurityContext, SecurityContext } from "../../rules/kubernetes/types";
import { AutoscalingArgs } from "./autoscaling";
import { HardeningExemption } from "./exemptions";
import { InitContainerArgs, SidecarArgs } from "./extra-containers";
import { ImageInput } from "./image-source";
import { ContainerResources, ResourcePreset } from "./resources";
import { Overrides } from "./security-context";
import { VolumeArgs } from "./volumes";
import { TmpOptions, WritablePath } from "./writable-paths";

/** A port the application listens on. */
export interface ContainerPortArgs {
  /** The container port, 1-65535. */
  readonly port: number;
  /**
   * An IANA service name (lower-case letters, digits and `-`, at most 15 characters), used by the
   * Service and the NetworkPolicy.
   * @default "http" for the first port when it is TCP, `<protocol>-<port>` (like `tcp-9090`) otherwise
   */
  readonly name?: string;
  /**
   * The protocol.
   * @default "TCP"
   */
  readonly protocol?: "TCP" | "UDP" | "SCTP";
  /**
   * The Service port in front of it.
   * @default the container port
   */
  readonly servicePort?: number;
}

/** Security context overrides: a value replaces a default, `null` removes it. */
export interface SecurityContextOverrides {
  /**
   * Pod-level fields, over `HARDENED_POD_SECURITY_CONTEXT` (e.g. `{ runAsUser: null }` for an
   * image that must pick its own uid; it still has to be non-root).
   * @default {} (every default applied)
   */
  readonly pod?: Overrides<PodSecurityContext>;
  /**
   * Container-level fields, over `HARDENED_CONTAINER_SECURITY_CONTEXT`.
   * @default {} (every default applied)
   */
  readonly container?: Overrides<SecurityContext>;
}

/** The Service in front of the declared ports. */
export interface ServiceArgs {
  /**
   * The Service type.
   * @default "ClusterIP"
   */
  readonly type?: "ClusterIP" | "NodePort" | "LoadBalancer";
}

/** The PodDisruptionBudget. Give exactly one of the two fields. */
export interface PodDisruptionBudgetArgs {
  /**
   * Pods that may be down at once during voluntary disruptions.
   * @default 1
   */
  readonly maxUnavailable?: number | string;
  /**
   * Pods that must stay up during voluntary disruptions (instead of `maxUnavailable`).
   * @default unset
   */
  readonly minAvailable?: number | string;
}

/** Egress restriction for the NetworkPolicy. */
export interface EgressArgs {
  /**
   * Allow DNS (UDP and TCP 53) to any destination, so names still resolve.
   * @default true
   */
  readonly allowDns?: boolean;
  /**
   * Further allowed egress; an empty list with `allowDns: false` denies all egress.
   * @default []
   */
  readonly rules?: readonly k8s.types.input.networking.v1.NetworkPolicyEgressRule[];
}

/** The NetworkPolicy: default-deny ingress except to the declared ports. */
export interface NetworkPolicyArgs {
  /**
   * Who may reach the declared ports.
   * @default anyone (the ports are open, every other port is closed)
   */
  readonly ingressFrom?: readonly k8s.types.input.networking.v1.NetworkPolicyPeer[];
  /**
   * Restrict egress too (opt-in: restricting egress breaks programs that call out).
   * @default unset (egress unrestricted)
   */
  readonly egress?: EgressArgs;
}

/** Soft spreading of replicas across nodes. */
export interface TopologySpreadArgs {
  /**
   * The node label to spread over.
   * @default "kubernetes.io/hostname"
   */
  readonly topologyKey?: string;
  /**
   * The largest allowed difference in replicas between two domains.
   * @default 1
   */
  readonly maxSkew?: number;
}

/** Arguments of `HardenedDeployment`. Only `image` and `resources` are required. */
export interface HardenedDeploymentArgs {
  /** The image: a `repository@sha256:<digest>` string, or an `ImageSource` such as a HardenedImage. */
  readonly image: ImageInput;
  /** A preset (`small`, `medium`, `large`) or explicit requests and a memory limit. */
  readonly resources: ResourcePreset | ContainerResources;
  /**
   * The namespace of every resource.
   * @default the provider's namespace (the rule `default-namespace` warns)
   */
  readonly namespace?: pulumi.Input<string>;
  /**
   * The name of the Deployment and of its companions.
   * @default the component's name
   */
  readonly name?: string;
  /**
   * The application container's name.
   * @default "app"
   */
  readonly containerName?: string;
  /**
   * Labels added to every resource and to the pods (the selector uses
   * `app.kubernetes.io/name` only).
   * @default {}
   */
  readonly labels?: Readonly<Record<string, string>>;
  /**
   * Labels added to the pods only (not to the selector or the other resources), such as a
   * service mesh's injection label. May not change `app.kubernetes.io/name`.
   * @default {}
   */
  readonly podLabels?: Readonly<Record<string, string>>;
  /**
   * Annotations of the pods (service meshes, Prometheus scraping). Exemptions are declared with
   * `exemptions`, not with `hardened.dev/` annotations.
   * @default {}
   */
  readonly podAnnotations?: Readonly<Record<string, string>>;
  /**
   * The number of pods. Not allowed with `autoscaling`, which owns the number then.
   * @default 2 (unset with `autoscaling`)
   */
  readonly replicas?: number;
  /**
   * A HorizontalPodAutoscaler; the Deployment's replicas are left to it and the
   * PodDisruptionBudget follows its `minReplicas`.
   * @default none
   */
  readonly autoscaling?: AutoscalingArgs;
  /**
   * The container's entrypoint.
   * @default the image's entrypoint
   */
  readonly command?: readonly string[];
  /**
   * The entrypoint's arguments.
   * @default the image's command
   */
  readonly args?: readonly string[];
  /**
   * Environment variables. Take secrets from `valueFrom.secretKeyRef`, not `value`.
   * @default []
   */
  readonly env?: pulumi.Input<readonly pulumi.Input<k8s.types.input.core.v1.EnvVar>[]>;
  /**
   * Whole ConfigMaps or Secrets as environment variables of the application container. Prefer
   * mounting secrets as files (`volumes`).
   * @default []
   */
  readonly envFrom?: pulumi.Input<readonly pulumi.Input<k8s.types.input.core.v1.EnvFromSource>[]>;
  /**
   * The ports the application listens on.
   * @default [] (no Service, no startup probe, NetworkPolicy denies all ingress)
   */
  readonly ports?: readonly ContainerPortArgs[];
  /**
   * The `/tmp` volume's options; `null` mounts no `/tmp`.
   * @default { sizeLimit: "64Mi" } on node disk
   */
  readonly tmp?: TmpOptions | null;
  /**
   * Further directories the program writes to, each an `emptyDir` with a `sizeLimit`.
   * @default []
   */
  readonly writablePaths?: readonly (string | WritablePath)[];
  /**
   * The pod's volumes (configMap, secret, projected, downwardAPI, persistentVolumeClaim,
   * ephemeral), each mounted in the application container at its `mountPath` (read-only unless
   * `readOnly: false`, which only claims allow) and in other containers by their `volumeMounts`.
   * @default []
   */
  readonly volumes?: readonly VolumeArgs[];
  /**
   * Further long-running containers, each hardened like the application container.
   * @default []
   */
  readonly sidecars?: readonly SidecarArgs[];
  /**
   * Init containers (or native sidecars with `restartPolicy: "Always"`), each hardened like the
   * application container.
   * @default []
   */
  readonly initContainers?: readonly InitContainerArgs[];
  /**
   * Names of Secrets with credentials for the image registries.
   * @default []
   */
  readonly imagePullSecrets?: readonly string[];
  /**
   * Node labels the pods must be scheduled on.
   * @default {}
   */
  readonly nodeSelector?: pulumi.Input<Readonly<Record<string, pulumi.Input<string>>>>;
  /**
   * Tolerations of node taints.
   * @default []
   */
  readonly tolerations?: pulumi.Input<readonly pulumi.Input<k8s.types.input.core.v1.Toleration>[]>;
  /**
   * Node, pod and pod anti-affinity (the soft topology spread is set by `topologySpread`).
   * @default none
   */
  readonly affinity?: pulumi.Input<k8s.types.input.core.v1.Affinity>;
  /**
   * The pods' PriorityClass.
   * @default the cluster's default priority
   */
  readonly priorityClassName?: string;
  /**
   * Seconds between SIGTERM and SIGKILL when a pod stops.
   * @default Kubernetes' default (30)
   */
  readonly terminationGracePeriodSeconds?: number;
  /**
   * The liveness probe. Never invented: only the application knows what "alive" means.
   * @default none (the rule `liveness-probe` warns)
   */
  readonly livenessProbe?: k8s.types.input.core.v1.Probe;
  /**
   * The readiness probe. Never invented.
   * @default none (the rule `readiness-probe` warns)
   */
  readonly readinessProbe?: k8s.types.input.core.v1.Probe;
  /**
   * The startup probe; `null` removes the default.
   * @default a TCP probe on the first port (every 2s, up to 60s) when there is a port
   */
  readonly startupProbe?: k8s.types.input.core.v1.Probe | null;
  /**
   * Security context overrides; a value replaces a default, `null` removes it.
   * @default {} (every default applied)
   */
  readonly securityContext?: SecurityContextOverrides;
  /**
   * Mount the service account token. `true` breaks `automount-service-account-token`.
   * @default false
   */
  readonly automountServiceAccountToken?: boolean;
  /**
   * Run as this existing service account instead of creating one.
   * @default a dedicated ServiceAccount (token automount off) is created
   */
  readonly serviceAccountName?: string;
  /**
   * The Service for the declared ports; `null` creates none.
   * @default a ClusterIP Service when there are ports
   */
  readonly service?: ServiceArgs | null;
  /**
   * The PodDisruptionBudget; `null` creates none.
   * @default `maxUnavailable: 1` when replicas (or `autoscaling.minReplicas`) > 1, none otherwise
   */
  readonly podDisruptionBudget?: PodDisruptionBudgetArgs | null;
  /**
   * The NetworkPolicy; `null` creates none.
   * @default ingress denied except to the declared ports; egress unrestricted
   */
  readonly networkPolicy?: NetworkPolicyArgs | null;
  /**
   * Soft spreading (`ScheduleAnyway`) of replicas; `null` sets no constraint.
   * @default spread by `kubernetes.io/hostname`, maxSkew 1
   */
  readonly topologySpread?: TopologySpreadArgs | null;
  /**
   * Rules accepted for this workload, each with a reason; written as `hardened.dev/exempt`
   * annotations so the CLI and the policy pack agree.
   * @default []
   */
  readonly exemptions?: readonly HardeningExemption[];
  /**
   * Options for the rules, such as `allowedRegistries`. `allowedRegistries` and `minUid` are read
   * like the same settings of the CLI config and the policy pack: a value they refuse (an entry
   * that can match nothing, a `minUid` below 1) fails with `HardenedArgsError`.
   * @default {} (latest Pod Security Standards, any registry, minUid 10000)
   */
  readonly ruleOptions?: KubernetesRuleOptions;
}
