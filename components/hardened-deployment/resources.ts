import { HardenedArgsError } from "./errors";
import { parseQuantity } from "../../rules/kubernetes/quantity";

/** Limits of the application container. */
export interface ContainerLimits {
  /** The memory limit: it protects the node from a leak. Required. */
  readonly memory: string;
  /**
   * A CPU limit. Allowed but not recommended: CFS throttling slows the container even when the
   * node has idle CPU, which shows up as latency, while the CPU request already guarantees the
   * container its share.
   * @default none
   */
  readonly cpu?: string;
}

/** Requests and limits of the application container. */
export interface ContainerResources {
  /** What the scheduler reserves. Both are required. */
  readonly requests: { readonly cpu: string; readonly memory: string };
  /** Limits: memory is required, CPU is optional. */
  readonly limits: ContainerLimits;
}

/**
 * Named sizes for `resources`. Each requests CPU and memory and limits memory to the request (so
 * the pod is never OOM-killed for memory the scheduler did not reserve); none limits CPU.
 *
 * | preset | cpu request | memory request and limit |
 * | ------ | ----------- | ------------------------ |
 * | small  | 100m        | 128Mi                    |
 * | medium | 250m        | 512Mi                    |
 * | large  | 1           | 2Gi                      |
 */
export const RESOURCE_PRESETS = {
  small: { requests: { cpu: "100m", memory: "128Mi" }, limits: { memory: "128Mi" } },
  medium: { requests: { cpu: "250m", memory: "512Mi" }, limits: { memory: "512Mi" } },
  large: { requests: { cpu: "1", memory: "2Gi" }, limits: { memory: "2Gi" } },
} as const satisfies Record<string, ContainerResources>;

/** The name of a resource preset. */
export type ResourcePreset = keyof typeof RESOURCE_PRESETS;

function positive(value: unknown, arg: string, owner: string): number {
  let parsed: number;
  try {
    parsed = parseQuantity(value as string | number);
  } catch (error) {
    throw new HardenedArgsError(owner, arg, (error as Error).message);
  }
  if (parsed <= 0) {
    throw new HardenedArgsError(
      owner,
      arg,
      `expected a positive quantity, got ${JSON.stringify(value)}`,
    );
  }
  return parsed;
}

/**
 * Resolves `resources` (a preset name or explicit requests and limits) and checks every quantity:
 * each must parse and be positive, and a limit may not be below its request.
 */
export function resolveResources(
  resources: ResourcePreset | ContainerResources | undefined,
  arg: string,
  owner: string,
): ContainerResources {
  const presets = Object.keys(RESOURCE_PRESETS).join(", ");
  if (resources === undefined) {
    throw new HardenedArgsError(
      owner,
      arg,
      `is required: give a preset (${presets}) or { requests: { cpu, memory }, limits: { memory } }`,
    );
  }
  if (typeof resources === "string") {
    if (!Object.prototype.hasOwnProperty.call(RESOURCE_PRESETS, resources)) {
      throw new HardenedArgsError(
        owner,
        arg,
        `unknown preset "${resources}"; expected one of ${presets}`,
      );
    }
    return RESOURCE_PRESETS[resources];
  }
  const requestCpu = positive(resources.requests?.cpu, `${arg}.requests.cpu`, owner);
  const requestMemory = positive(resources.requests?.memory, `${arg}.requests.memory`, owner);
  const limitMemory = positive(resources.limits?.memory, `${arg}.limits.memory`, owner);
  if (limitMemory < requestMemory) {
    throw new HardenedArgsError(
      owner,
      `${arg}.limits.memory`,
      `${resources.limits.memory} is below the request ${resources.requests.memory}; Kubernetes requires limit >= request`,
    );
  }
  if (resources.limits.cpu !== undefined) {
    const limitCpu = positive(resources.limits.cpu, `${arg}.limits.cpu`, owner);
    if (limitCpu < requestCpu) {
      throw new HardenedArgsError(
        owner,
        `${arg}.limits.cpu`,
        `${resources.limits.cpu} is below the request ${resources.requests.cpu}; Kubernetes requires limit >= request`,
      );
    }
  }
  return {
    requests: { cpu: resources.requests.cpu, memory: resources.requests.memory },
    limits:
      resources.limits.cpu === undefined
        ? { memory: resources.limits.memory }
        : { memory: resources.limits.memory, cpu: resources.limits.cpu },
  };
}
