import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { SecurityContext } from "../../rules/kubernetes/types";
import { ContainerPlan } from "./container-plan";
import { ImageInput, checkImageRef, checkImageUser, isImageSource } from "./image-source";
import { ResolvedPort, checkProbePorts } from "./ports";
import {
  HARDENED_CONTAINER_SECURITY_CONTEXT,
  ImageUser,
  mergeSecurityContext,
} from "./security-context";

type Probe = k8s.types.input.core.v1.Probe;
type Plain = Record<string, unknown>;

/** The fields of a container's arguments that may be Pulumi outputs. */
export interface ContainerSource {
  /** The image. */
  readonly image: ImageInput;
  /**
   * Environment variables.
   * @default none
   */
  readonly env?: pulumi.Input<readonly pulumi.Input<k8s.types.input.core.v1.EnvVar>[]>;
  /**
   * Environment from whole ConfigMaps or Secrets.
   * @default none
   */
  readonly envFrom?: pulumi.Input<readonly pulumi.Input<k8s.types.input.core.v1.EnvFromSource>[]>;
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
   * @default the TCP probe on the first port
   */
  readonly startupProbe?: Probe | null;
}

/** The inputs of one container that may be outputs, split from its arguments. */
export interface ContainerInputs {
  /** The image reference. */
  readonly ref: pulumi.Input<string>;
  /**
   * The image's user.
   * @default none declared
   */
  readonly user?: pulumi.Input<ImageUser | undefined>;
  /**
   * Environment variables.
   * @default none
   */
  readonly env?: ContainerSource["env"];
  /**
   * Environment from ConfigMaps or Secrets.
   * @default none
   */
  readonly envFrom?: ContainerSource["envFrom"];
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
   * The startup probe given (not null).
   * @default none given
   */
  readonly startupProbe?: Probe;
}

/** Splits the inputs that may be outputs off a container's arguments. */
export function containerInputs(source: ContainerSource): ContainerInputs {
  const image = isImageSource(source.image) ? source.image : { ref: source.image };
  return {
    ref: image.ref,
    user: image.user,
    env: source.env,
    envFrom: source.envFrom,
    livenessProbe: source.livenessProbe,
    readinessProbe: source.readinessProbe,
    startupProbe: source.startupProbe ?? undefined,
  };
}

/** The default startup probe: TCP on the first TCP port, every 2 seconds for up to 60 seconds. */
export function defaultStartupProbe(ports: readonly ResolvedPort[]): Probe | undefined {
  const tcp = ports.find((p) => p.protocol === "TCP");
  return tcp === undefined
    ? undefined
    : { tcpSocket: { port: tcp.name }, periodSeconds: 2, failureThreshold: 30 };
}

function defined(entries: Plain): Plain {
  return Object.fromEntries(Object.entries(entries).filter(([, v]) => v !== undefined));
}

function nonEmpty<T>(list: readonly T[] | undefined): readonly T[] | undefined {
  return list === undefined || list.length === 0 ? undefined : list;
}

/**
 * Builds one container once its inputs are known: checks the image (pinned by digest unless
 * `allowUnpinned`), the image's user and the probes' port names, and applies the hardened
 * securityContext. A sidecar's or init container's image user becomes its own `runAsUser` and
 * `runAsGroup`; the application's is returned for the pod-level defaults.
 */
export function buildContainer(
  plan: ContainerPlan,
  known: pulumi.Unwrap<ContainerInputs>,
  owner: string,
  allowUnpinned: boolean,
): { readonly container: Plain; readonly user?: ImageUser } {
  const at = plan.app ? "args" : plan.arg;
  const user =
    known.user === undefined || known.user === null
      ? undefined
      : checkImageUser(known.user, `${at}.image.user`, owner);
  checkProbePorts(
    {
      [`${at}.livenessProbe`]: known.livenessProbe,
      [`${at}.readinessProbe`]: known.readinessProbe,
      [`${at}.startupProbe`]: known.startupProbe,
    },
    plan.ports,
    owner,
  );
  const startupProbe = plan.noStartupProbe
    ? undefined
    : (known.startupProbe ?? (plan.probes ? defaultStartupProbe(plan.ports) : undefined));
  const defaults =
    plan.app || user === undefined
      ? HARDENED_CONTAINER_SECURITY_CONTEXT
      : { ...HARDENED_CONTAINER_SECURITY_CONTEXT, runAsUser: user.uid, runAsGroup: user.gid };
  const container = defined({
    name: plan.name,
    image: checkImageRef(known.ref, `${at}.image`, owner, allowUnpinned),
    command: plan.command,
    args: plan.args,
    env: nonEmpty(known.env as readonly unknown[] | undefined),
    envFrom: nonEmpty(known.envFrom as readonly unknown[] | undefined),
    ports: nonEmpty(
      plan.ports.map((p) => ({ name: p.name, containerPort: p.port, protocol: p.protocol })),
    ),
    resources: plan.resources,
    restartPolicy: plan.restartPolicy,
    startupProbe,
    livenessProbe: known.livenessProbe,
    readinessProbe: known.readinessProbe,
    securityContext: mergeSecurityContext<SecurityContext>(
      defaults,
      undefined,
      plan.securityContext,
    ),
    volumeMounts: nonEmpty(plan.mounts),
  });
  return plan.app ? { container, user } : { container };
}
