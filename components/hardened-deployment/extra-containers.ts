import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { SecurityContext } from "../../rules/kubernetes/types";
import { ContainerPortArgs } from "./args";
import { ImageInput } from "./image-source";
import { ContainerResources, ResourcePreset } from "./resources";
import { Overrides } from "./security-context";
import { VolumeMountArgs } from "./volumes";

type Probe = k8s.types.input.core.v1.Probe;

/**
 * A sidecar: a further long-running container of the pod, hardened exactly like the application
 * container (the same securityContext defaults, read-only root filesystem with the pod's `/tmp`,
 * required resources, an image pinned by digest, a TCP startup probe on its first port), with
 * its own overrides.
 */
export interface SidecarArgs {
  /** The container's name (a DNS label), unique in the pod. */
  readonly name: string;
  /**
   * The image: a `repository@sha256:<digest>` string, or an `ImageSource` such as a
   * HardenedImage, whose numeric user becomes this container's `runAsUser` and `runAsGroup`.
   */
  readonly image: ImageInput;
  /** A preset (`small`, `medium`, `large`) or explicit requests and a memory limit. */
  readonly resources: ResourcePreset | ContainerResources;
  /**
   * The entrypoint.
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
   * Whole ConfigMaps or Secrets as environment variables.
   * @default []
   */
  readonly envFrom?: pulumi.Input<readonly pulumi.Input<k8s.types.input.core.v1.EnvFromSource>[]>;
  /**
   * Ports the container listens on; they join the Service and the NetworkPolicy. Their names
   * must differ from every other port of the pod.
   * @default [] (each port's name defaults to `<protocol>-<port>`, like `tcp-9090`)
   */
  readonly ports?: readonly ContainerPortArgs[];
  /**
   * Mounts of the pod's volumes (read-only unless `readOnly: false`). The pod's `/tmp` is
   * mounted as well, unless a mount here uses `/tmp`.
   * @default []
   */
  readonly volumeMounts?: readonly VolumeMountArgs[];
  /**
   * The liveness probe; a port name in it must be one of this container's ports.
   * @default none (the rule `liveness-probe` warns)
   */
  readonly livenessProbe?: Probe;
  /**
   * The readiness probe.
   * @default none (the rule `readiness-probe` warns)
   */
  readonly readinessProbe?: Probe;
  /**
   * The startup probe; `null` removes the default.
   * @default a TCP probe on the first TCP port (every 2s, up to 60s) when there is one
   */
  readonly startupProbe?: Probe | null;
  /**
   * Container securityContext overrides over `HARDENED_CONTAINER_SECURITY_CONTEXT` (and over the
   * image's user): a value replaces, `null` removes. The application container's
   * `securityContext.container` overrides do not apply here.
   * @default {} (every default applied)
   */
  readonly securityContext?: Overrides<SecurityContext>;
}

/**
 * An init container: runs to completion before the application starts, hardened exactly like
 * the application container. With `restartPolicy: "Always"` it is a native sidecar (Kubernetes
 * 1.29+): it starts before the application, runs for the pod's lifetime, and may have probes.
 */
export interface InitContainerArgs extends Omit<SidecarArgs, "ports"> {
  /**
   * `"Always"` makes a native sidecar.
   * @default unset (runs once to completion; then probes are not allowed)
   */
  readonly restartPolicy?: "Always";
  /**
   * Ports, for a native sidecar only; they join the Service and the NetworkPolicy.
   * @default []
   */
  readonly ports?: readonly ContainerPortArgs[];
}
