import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { NetworkPolicyArgs, PodDisruptionBudgetArgs, ServiceArgs } from "./args";
import { HardenedArgsError } from "./errors";
import { ResolvedPort } from "./ports";

/** The metadata every companion shares. */
export interface CompanionMeta {
  /** The resource name. */
  readonly name: string;
  /**
   * The namespace.
   * @default unset (the provider's namespace)
   */
  readonly namespace?: pulumi.Input<string>;
  /** Labels. */
  readonly labels: Readonly<Record<string, string>>;
}

/** The metadata of a companion: the Deployment's name, namespace and labels. */
export function companionMetadata(meta: CompanionMeta): k8s.types.input.meta.v1.ObjectMeta {
  return meta.namespace === undefined
    ? { name: meta.name, labels: { ...meta.labels } }
    : { name: meta.name, namespace: meta.namespace, labels: { ...meta.labels } };
}

/** A dedicated ServiceAccount that does not mount its token into pods. */
export function serviceAccountArgs(meta: CompanionMeta): k8s.core.v1.ServiceAccountArgs {
  return { metadata: companionMetadata(meta), automountServiceAccountToken: false };
}

/** A Service for the declared ports, targeting them by name. */
export function serviceArgs(
  meta: CompanionMeta,
  selector: Readonly<Record<string, string>>,
  ports: readonly ResolvedPort[],
  args: ServiceArgs,
): k8s.core.v1.ServiceArgs {
  return {
    metadata: companionMetadata(meta),
    spec: {
      type: args.type ?? "ClusterIP",
      selector: { ...selector },
      ports: ports.map((p) => ({
        name: p.name,
        port: p.servicePort,
        targetPort: p.name,
        protocol: p.protocol,
      })),
    },
  };
}

/**
 * A PodDisruptionBudget: `maxUnavailable: 1` unless the arguments say otherwise. Throws when both
 * `maxUnavailable` and `minAvailable` are given.
 */
export function podDisruptionBudgetArgs(
  meta: CompanionMeta,
  selector: Readonly<Record<string, string>>,
  args: PodDisruptionBudgetArgs,
  arg: string,
  owner: string,
): k8s.policy.v1.PodDisruptionBudgetArgs {
  if (args.maxUnavailable !== undefined && args.minAvailable !== undefined) {
    throw new HardenedArgsError(
      owner,
      arg,
      "gives both maxUnavailable and minAvailable; Kubernetes accepts one",
    );
  }
  const budget =
    args.minAvailable !== undefined
      ? { minAvailable: args.minAvailable }
      : { maxUnavailable: args.maxUnavailable ?? 1 };
  return {
    metadata: companionMetadata(meta),
    spec: { selector: { matchLabels: { ...selector } }, ...budget },
  };
}

/**
 * A NetworkPolicy that denies ingress except to the declared ports (from `ingressFrom` when given)
 * and, when `egress` is given, denies egress except DNS and the listed rules.
 */
export function networkPolicyArgs(
  meta: CompanionMeta,
  selector: Readonly<Record<string, string>>,
  ports: readonly ResolvedPort[],
  args: NetworkPolicyArgs,
): k8s.networking.v1.NetworkPolicyArgs {
  const ingress =
    ports.length === 0
      ? []
      : [
          {
            ports: ports.map((p) => ({ port: p.port, protocol: p.protocol })),
            ...(args.ingressFrom === undefined ? {} : { from: [...args.ingressFrom] }),
          },
        ];
  const egress =
    args.egress === undefined
      ? undefined
      : [
          ...(args.egress.allowDns === false
            ? []
            : [
                {
                  ports: [
                    { port: 53, protocol: "UDP" },
                    { port: 53, protocol: "TCP" },
                  ],
                },
              ]),
          ...(args.egress.rules ?? []),
        ];
  return {
    metadata: companionMetadata(meta),
    spec: {
      podSelector: { matchLabels: { ...selector } },
      policyTypes: egress === undefined ? ["Ingress"] : ["Ingress", "Egress"],
      ingress,
      ...(egress === undefined ? {} : { egress }),
    },
  };
}
