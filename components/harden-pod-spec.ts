import { KubernetesRuleOptions } from "../rules/kubernetes/options";
import {
  Container,
  KubernetesObject,
  PodSecurityContext,
  SecurityContext,
} from "../rules/kubernetes/types";
import { WORKLOAD_SHAPES, isWorkloadKind } from "../rules/kubernetes/workload-kinds";
import { HardenedArgsError } from "./hardened-deployment/errors";
import { SecurityContextOverrides } from "./hardened-deployment/args";
import { checkRuleOptions, checkWorkload } from "./hardened-deployment/check-workload";
import { HardeningExemption, resolveExemptions } from "./hardened-deployment/exemptions";
import {
  HARDENED_AUTOMOUNT_SERVICE_ACCOUNT_TOKEN,
  HARDENED_CONTAINER_SECURITY_CONTEXT,
  ImageUser,
  checkNumericIds,
  mergeSecurityContext,
  podSecurityDefaults,
} from "./hardened-deployment/security-context";
import {
  TmpOptions,
  WritablePath,
  resolveWritablePaths,
  writableMounts,
  writableVolumes,
} from "./hardened-deployment/writable-paths";

/** The workload a pod spec is hardened for, named in errors and used for the field paths. */
export interface HardenedWorkloadRef {
  /** The workload's kind: `StatefulSet`, `DaemonSet`, `Job`, `CronJob`, `ReplicaSet`, ... */
  readonly kind: string;
  /** The workload's name. */
  readonly name: string;
  /**
   * The workload's namespace, for the `default-namespace` rule.
   * @default unset (the rule warns, without blocking)
   */
  readonly namespace?: string;
}

/** Options of {@link hardenPodSpec}. Every field has a default. */
export interface HardenPodSpecOptions {
  /**
   * The workload the spec is for: errors then name it (`hardenPodSpec for StatefulSet "db"`) and
   * give field paths where the spec sits in it (`spec.template.spec.containers[0]...`, or
   * `spec.jobTemplate.spec.template.spec...` for a CronJob).
   * @default unnamed: errors say `hardenPodSpec`, and paths are a Pod's (`spec.containers[0]...`)
   */
  readonly workload?: HardenedWorkloadRef;
  /**
   * Overrides over the hardened defaults and over the spec's own fields: a value replaces, `null`
   * removes.
   * @default {} (every default applied where the spec sets nothing)
   */
  readonly securityContext?: SecurityContextOverrides;
  /**
   * The image's numeric user and group, the defaults of `runAsUser`, `runAsGroup` and `fsGroup`.
   * @default { uid: 65534, gid: 65534 }
   */
  readonly user?: ImageUser;
  /**
   * The pod's `automountServiceAccountToken`, over the spec's own value.
   * @default the spec's value, or false
   */
  readonly automountServiceAccountToken?: boolean;
  /**
   * The `/tmp` volume mounted in every container and init container that does not mount `/tmp`
   * already; `null` adds none.
   * @default { sizeLimit: "64Mi" } on node disk
   */
  readonly tmp?: TmpOptions | null;
  /**
   * Further writable directories, each an `emptyDir` with a `sizeLimit`, mounted like `/tmp`.
   * @default []
   */
  readonly writablePaths?: readonly (string | WritablePath)[];
  /**
   * Rules accepted for this pod, each with a reason. Put `exemptionAnnotations(exemptions)` on the
   * workload's metadata too, so the CLI and the policy pack honour them.
   * @default []
   */
  readonly exemptions?: readonly HardeningExemption[];
  /**
   * Options for the rules, such as `allowedRegistries`. `allowedRegistries` and `minUid` are read
   * like the same settings of the CLI config and the policy pack: a value they refuse fails with
   * `HardenedArgsError`.
   * @default {}
   */
  readonly ruleOptions?: KubernetesRuleOptions;
}

type Plain = Record<string, unknown>;

const HARDEN_POD_SPEC = "hardenPodSpec";

function checkWorkloadRef(ref: HardenedWorkloadRef | undefined): HardenedWorkloadRef | undefined {
  if (ref === undefined) {
    return undefined;
  }
  if (!isWorkloadKind(ref.kind)) {
    throw new HardenedArgsError(
      HARDEN_POD_SPEC,
      "options.workload.kind",
      `${JSON.stringify(ref.kind)} is not a workload kind; expected one of ${Object.keys(WORKLOAD_SHAPES).join(", ")}`,
    );
  }
  if (typeof ref.name !== "string" || ref.name === "") {
    throw new HardenedArgsError(
      HARDEN_POD_SPEC,
      "options.workload.name",
      `expected the workload's name, got ${JSON.stringify(ref.name)}`,
    );
  }
  return ref;
}

/** `spec` placed where `kind` keeps its pod spec, as a workload to check. */
function workloadAround(ref: HardenedWorkloadRef | undefined, spec: Plain): KubernetesObject {
  const kind = ref?.kind ?? "Pod";
  const path = WORKLOAD_SHAPES[kind].spec;
  let inner: Plain = spec;
  for (const key of [...path].reverse()) {
    inner = { [key]: inner };
  }
  const metadata = {
    name: ref?.name ?? "pod",
    ...(ref?.namespace === undefined ? {} : { namespace: ref.namespace }),
  };
  return { apiVersion: "v1", kind, ...inner, metadata } as KubernetesObject;
}

/**
 * Returns a hardened copy of a pod spec, for workloads `HardenedDeployment` does not create
 * (StatefulSet, Job, CronJob, DaemonSet): the hardened pod and container securityContext defaults
 * are merged under the spec's own fields (which are kept as written) and under `options`
 * overrides, the service account token is not mounted, and `/tmp` plus `writablePaths` become
 * size-limited `emptyDir` volumes. The result is then checked against every rule of the
 * `hardened` profile, exactly as `HardenedDeployment` is: a blocking finding throws
 * `HardeningViolationError` unless an exemption covers it; the error names `options.workload`
 * and gives paths where the spec sits in it (as in a Pod, `spec.containers[0]...`, without it).
 * The spec must be plain data: resolve Pulumi outputs first (inside `apply`).
 */
export function hardenPodSpec<T extends object>(spec: T, options: HardenPodSpecOptions = {}): T {
  const workload = checkWorkloadRef(options.workload);
  const owner =
    workload === undefined
      ? HARDEN_POD_SPEC
      : `${HARDEN_POD_SPEC} for ${workload.kind} "${workload.name}"`;
  checkNumericIds(options.securityContext?.pod, "options.securityContext.pod", owner);
  checkNumericIds(options.securityContext?.container, "options.securityContext.container", owner);
  checkRuleOptions(options.ruleOptions, "options.ruleOptions", owner);
  const copy = JSON.parse(JSON.stringify(spec)) as Plain;
  const lists = ["initContainers", "containers", "ephemeralContainers"].map((list) =>
    Array.isArray(copy[list]) ? (copy[list] as Plain[]) : [],
  );
  const names = lists
    .flat()
    .map((c) => (c as Container).name)
    .filter((n): n is string => typeof n === "string");
  const exemptions = resolveExemptions(options.exemptions, names, "options.exemptions", owner);
  const volumes = Array.isArray(copy.volumes) ? (copy.volumes as Plain[]) : [];
  const writable = resolveWritablePaths(
    options.tmp,
    options.writablePaths,
    { tmp: "options.tmp", paths: "options.writablePaths" },
    owner,
    undefined,
    volumes.map((v) => v.name).filter((n): n is string => typeof n === "string"),
  );
  copy.automountServiceAccountToken =
    options.automountServiceAccountToken ??
    copy.automountServiceAccountToken ??
    HARDENED_AUTOMOUNT_SERVICE_ACCOUNT_TOKEN;
  copy.securityContext = mergeSecurityContext<PodSecurityContext>(
    podSecurityDefaults(options.user),
    copy.securityContext as PodSecurityContext | undefined,
    options.securityContext?.pod,
  );
  const used = new Set<string>();
  lists.forEach((containers, listIndex) =>
    containers.forEach((container) => {
      container.securityContext = mergeSecurityContext<SecurityContext>(
        HARDENED_CONTAINER_SECURITY_CONTEXT,
        container.securityContext as SecurityContext | undefined,
        options.securityContext?.container,
      );
      if (listIndex === 2) {
        return;
      }
      const mounts = Array.isArray(container.volumeMounts)
        ? (container.volumeMounts as Plain[])
        : [];
      const missing = writable.filter((w) => !mounts.some((m) => m.mountPath === w.path));
      missing.forEach((w) => used.add(w.name));
      if (missing.length > 0) {
        container.volumeMounts = [...mounts, ...writableMounts(missing)];
      }
    }),
  );
  const added = writableVolumes(writable.filter((w) => used.has(w.name)));
  if (added.length > 0) {
    copy.volumes = [...volumes, ...added];
  }
  checkWorkload(workloadAround(workload, copy), owner, options.ruleOptions, exemptions);
  return copy as T;
}
