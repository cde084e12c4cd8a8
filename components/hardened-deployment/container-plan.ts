import { SecurityContext } from "../../rules/kubernetes/types";
import { HardenedDeploymentArgs } from "./args";
import { checkDnsLabel } from "./dns-label";
import { HardenedArgsError } from "./errors";
import { SidecarArgs } from "./extra-containers";
import { ResolvedPort, resolvePorts } from "./ports";
import { ContainerResources, resolveResources } from "./resources";
import { Overrides } from "./security-context";
import { ResolvedVolume, VolumeMountArgs, resolveMounts } from "./volumes";
import { ResolvedWritablePath, writableMounts } from "./writable-paths";

/** What one container of the pod is built from, known and checked at construction. */
export interface ContainerPlan {
  /** The argument the container comes from: `args` for the application, `args.sidecars[0]`... */
  readonly arg: string;
  /** The pod spec list the container goes to. */
  readonly list: "containers" | "initContainers";
  /** True for the application container, whose image user sets the pod-level defaults. */
  readonly app: boolean;
  /** The container's name. */
  readonly name: string;
  /** Resolved requests and limits. */
  readonly resources: ContainerResources;
  /** Resolved ports. */
  readonly ports: readonly ResolvedPort[];
  /** The volume mounts, writable paths first. */
  readonly mounts: readonly Record<string, unknown>[];
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
   * Container securityContext overrides.
   * @default {} (every default applied)
   */
  readonly securityContext?: Overrides<SecurityContext>;
  /**
   * `Always` for a native sidecar.
   * @default unset
   */
  readonly restartPolicy?: "Always";
  /** False for an init container that runs to completion: it may have no probes. */
  readonly probes: boolean;
  /** True when `startupProbe: null` removed the default startup probe. */
  readonly noStartupProbe: boolean;
}

type ExtraArgs = SidecarArgs & { readonly restartPolicy?: unknown };

function mountsOf(
  arg: string,
  mounts: readonly VolumeMountArgs[] | undefined,
  tmp: ResolvedWritablePath | undefined,
  writableByName: ReadonlyMap<string, boolean>,
  owner: string,
): Record<string, unknown>[] {
  const entries = (mounts ?? []).map((mount, i) => ({ arg: `${arg}.volumeMounts[${i}]`, mount }));
  const paths = new Map<string, string>();
  const resolved = resolveMounts(entries, writableByName, owner, paths);
  const shared = tmp === undefined || paths.has(tmp.path) ? [] : writableMounts([tmp]);
  return [...shared, ...resolved];
}

function planExtra(
  c: ExtraArgs,
  arg: string,
  list: "containers" | "initContainers",
  tmp: ResolvedWritablePath | undefined,
  writableByName: ReadonlyMap<string, boolean>,
  owner: string,
): ContainerPlan {
  checkDnsLabel(c.name, `${arg}.name`, owner);
  const native = c.restartPolicy === "Always";
  if (list === "initContainers" && c.restartPolicy !== undefined && !native) {
    throw new HardenedArgsError(
      owner,
      `${arg}.restartPolicy`,
      `expected "Always" (a native sidecar) or unset, got ${JSON.stringify(c.restartPolicy)}`,
    );
  }
  const probes = list === "containers" || native;
  if (!probes) {
    for (const field of ["livenessProbe", "readinessProbe", "startupProbe"] as const) {
      if (c[field] !== undefined && c[field] !== null) {
        throw new HardenedArgsError(
          owner,
          `${arg}.${field}`,
          'is set on an init container that runs to completion; Kubernetes accepts probes only on containers and native sidecars (restartPolicy: "Always")',
        );
      }
    }
  }
  if (!probes && (c.ports ?? []).length > 0) {
    throw new HardenedArgsError(
      owner,
      `${arg}.ports`,
      'is set on an init container that runs to completion; only native sidecars (restartPolicy: "Always") serve ports',
    );
  }
  return {
    arg,
    list,
    app: false,
    name: c.name,
    resources: resolveResources(c.resources, `${arg}.resources`, owner),
    ports: resolvePorts(c.ports, `${arg}.ports`, owner, false),
    mounts: mountsOf(arg, c.volumeMounts, tmp, writableByName, owner),
    command: c.command,
    args: c.args,
    securityContext: c.securityContext,
    restartPolicy: native ? "Always" : undefined,
    probes,
    noStartupProbe: c.startupProbe === null,
  };
}

function checkPodPorts(plans: readonly ContainerPlan[], owner: string): void {
  const seen = new Map<string, string>();
  for (const plan of plans) {
    plan.ports.forEach((p, i) => {
      const at = plan.app ? `args.ports[${i}]` : `${plan.arg}.ports[${i}]`;
      for (const [key, what] of [
        [`port:${p.port}/${p.protocol}`, `port ${p.port}/${p.protocol}`],
        [`service:${p.servicePort}/${p.protocol}`, `Service port ${p.servicePort}/${p.protocol}`],
        [`name:${p.name}`, `port name "${p.name}"`],
      ]) {
        const first = seen.get(key);
        if (first !== undefined && !first.startsWith(`${plan.arg}:`)) {
          throw new HardenedArgsError(
            owner,
            at,
            `${what} conflicts with ${first.slice(first.indexOf(":") + 1)}; the containers of a pod share one network namespace and one Service`,
          );
        }
        seen.set(key, `${plan.arg}:${at}`);
      }
    });
  }
}

/**
 * Plans every container of the pod: the application container (with the writable paths and the
 * volumes that name a `mountPath`), the sidecars and the init containers (each with the pod's
 * `/tmp` and its own mounts). Checks names (DNS labels, unique in the pod), resources, ports
 * (unique across the pod), mounts and which containers may have probes.
 */
export function planContainers(
  args: HardenedDeploymentArgs,
  containerName: string,
  resources: ContainerResources,
  writable: readonly ResolvedWritablePath[],
  volumes: readonly ResolvedVolume[],
  owner: string,
): { readonly containers: ContainerPlan[]; readonly initContainers: ContainerPlan[] } {
  const writableByName = new Map<string, boolean>([
    ...writable.map((w) => [w.name, true] as const),
    ...volumes.map((v) => [v.name, v.writable] as const),
  ]);
  const appPaths = new Map(writable.map((w) => [w.path, "args.writablePaths"]));
  const appMounts = resolveMounts(
    (args.volumes ?? []).flatMap((v, i) =>
      v.mountPath === undefined
        ? []
        : [
            {
              arg: `args.volumes[${i}]`,
              mount: {
                name: v.name,
                mountPath: v.mountPath,
                subPath: v.subPath,
                readOnly: v.readOnly,
              },
            },
          ],
    ),
    writableByName,
    owner,
    appPaths,
  );
  const app: ContainerPlan = {
    arg: "args",
    list: "containers",
    app: true,
    name: containerName,
    resources,
    ports: resolvePorts(args.ports, "args.ports", owner),
    mounts: [...writableMounts(writable), ...appMounts],
    command: args.command,
    args: args.args,
    securityContext: args.securityContext?.container,
    probes: true,
    noStartupProbe: args.startupProbe === null,
  };
  const tmp = writable.find((w) => w.path === "/tmp");
  const sidecars = (args.sidecars ?? []).map((c, i) =>
    planExtra(c, `args.sidecars[${i}]`, "containers", tmp, writableByName, owner),
  );
  const inits = (args.initContainers ?? []).map((c, i) =>
    planExtra(c, `args.initContainers[${i}]`, "initContainers", tmp, writableByName, owner),
  );
  const names = new Map<string, string>();
  for (const plan of [app, ...sidecars, ...inits]) {
    const first = names.get(plan.name);
    if (first !== undefined) {
      throw new HardenedArgsError(
        owner,
        plan.app ? "args.containerName" : `${plan.arg}.name`,
        `"${plan.name}" is already the name of ${first}; container names must be unique in the pod`,
      );
    }
    names.set(plan.name, plan.app ? "the application container" : plan.arg);
  }
  checkPodPorts([app, ...sidecars, ...inits], owner);
  return { containers: [app, ...sidecars], initContainers: inits };
}
