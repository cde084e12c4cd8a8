import * as k8s from "@pulumi/kubernetes";
import { Exemption } from "../../rules/exemptions/exemption";
import { HardenedDeploymentArgs } from "./args";
import {
  CompanionMeta,
  networkPolicyArgs,
  podDisruptionBudgetArgs,
  serviceAccountArgs,
  serviceArgs,
} from "./companions";
import { HardenedArgsError } from "./errors";
import { exemptionAnnotations, resolveExemptions } from "./exemptions";
import { ResolvedPort, resolvePorts } from "./ports";
import { ContainerResources, resolveResources } from "./resources";
import { checkNumericIds } from "./security-context";
import { ResolvedWritablePath, resolveWritablePaths } from "./writable-paths";

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
  /** The number of pods. */
  readonly replicas: number;
  /** The application container's name. */
  readonly containerName: string;
  /** Resolved requests and limits. */
  readonly resources: ContainerResources;
  /** Resolved ports. */
  readonly ports: readonly ResolvedPort[];
  /** Resolved writable paths. */
  readonly writable: readonly ResolvedWritablePath[];
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
}

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

function checkDnsLabel(value: unknown, arg: string, owner: string): string {
  if (typeof value !== "string" || !DNS_LABEL.test(value)) {
    throw new HardenedArgsError(
      arg,
      `${JSON.stringify(value)} is not a DNS label; expected at most 63 lower-case letters, digits and "-", starting and ending with a letter or digit`,
      owner,
    );
  }
  return value;
}

function checkServiceAccountName(value: unknown, owner: string): string {
  if (typeof value !== "string" || value.trim() === "") {
    throw new HardenedArgsError(
      "args.serviceAccountName",
      `expected the name of an existing ServiceAccount, got ${JSON.stringify(value)}`,
      owner,
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
  const replicas = args.replicas ?? 2;
  if (!Number.isInteger(replicas) || replicas < 0) {
    throw new HardenedArgsError(
      "args.replicas",
      `expected a non-negative integer, got ${JSON.stringify(replicas)}`,
      owner,
    );
  }
  const resources = resolveResources(args.resources, "args.resources", owner);
  const ports = resolvePorts(args.ports, "args.ports", owner);
  const writable = resolveWritablePaths(
    args.tmp,
    args.writablePaths,
    { tmp: "args.tmp", paths: "args.writablePaths" },
    owner,
    resources.limits.memory,
  );
  checkNumericIds(args.securityContext?.pod, "args.securityContext.pod", owner);
  checkNumericIds(args.securityContext?.container, "args.securityContext.container", owner);
  const exemptions = resolveExemptions(args.exemptions, [containerName], "args.exemptions", owner);
  const selectorLabels = { "app.kubernetes.io/name": name };
  const meta: CompanionMeta = {
    name,
    namespace: args.namespace,
    labels: { ...args.labels, ...selectorLabels },
  };
  if (args.service !== undefined && args.service !== null && ports.length === 0) {
    throw new HardenedArgsError(
      "args.service",
      "is set but args.ports is empty; a Service needs at least one port",
      owner,
    );
  }
  const pdb =
    args.podDisruptionBudget === null || (args.podDisruptionBudget === undefined && replicas <= 1)
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
    containerName,
    resources,
    ports,
    writable,
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
  };
}
