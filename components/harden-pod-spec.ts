import { KubernetesRuleOptions } from "../rules/kubernetes/options";
import { Container, PodSecurityContext, SecurityContext } from "../rules/kubernetes/types";
import { SecurityContextOverrides } from "./hardened-deployment/args";
import { checkWorkload } from "./hardened-deployment/check-workload";
import { HardeningExemption, resolveExemptions } from "./hardened-deployment/exemptions";
import {
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

/** Options of {@link hardenPodSpec}. Every field has a default. */
export interface HardenPodSpecOptions {
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
   * Options for the rules, such as `allowedRegistries`.
   * @default {}
   */
  readonly ruleOptions?: KubernetesRuleOptions;
}

type Plain = Record<string, unknown>;

const OWNER = "hardenPodSpec";

/**
 * Returns a hardened copy of a pod spec, for workloads `HardenedDeployment` does not create
 * (StatefulSet, Job, CronJob, DaemonSet): the hardened pod and container securityContext defaults
 * are merged under the spec's own fields (which are kept as written) and under `options`
 * overrides, the service account token is not mounted, and `/tmp` plus `writablePaths` become
 * size-limited `emptyDir` volumes. The result is then checked against every rule of the
 * `hardened` profile, exactly as `HardenedDeployment` is: a blocking finding throws
 * `HardeningViolationError` (paths as in a Pod, `spec.containers[0]...`) unless an exemption
 * covers it. The spec must be plain data: resolve Pulumi outputs first (inside `apply`).
 */
export function hardenPodSpec<T extends object>(spec: T, options: HardenPodSpecOptions = {}): T {
  checkNumericIds(options.securityContext?.pod, "options.securityContext.pod", OWNER);
  checkNumericIds(options.securityContext?.container, "options.securityContext.container", OWNER);
  const copy = JSON.parse(JSON.stringify(spec)) as Plain;
  const lists = ["initContainers", "containers", "ephemeralContainers"].map((list) =>
    Array.isArray(copy[list]) ? (copy[list] as Plain[]) : [],
  );
  const names = lists
    .flat()
    .map((c) => (c as Container).name)
    .filter((n): n is string => typeof n === "string");
  const exemptions = resolveExemptions(options.exemptions, names, "options.exemptions", OWNER);
  const volumes = Array.isArray(copy.volumes) ? (copy.volumes as Plain[]) : [];
  const writable = resolveWritablePaths(
    options.tmp,
    options.writablePaths,
    { tmp: "options.tmp", paths: "options.writablePaths" },
    OWNER,
    undefined,
    volumes.map((v) => v.name).filter((n): n is string => typeof n === "string"),
  );
  copy.automountServiceAccountToken =
    options.automountServiceAccountToken ?? copy.automountServiceAccountToken ?? false;
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
  checkWorkload(
    { apiVersion: "v1", kind: "Pod", metadata: { name: "pod" }, spec: copy },
    OWNER,
    options.ruleOptions,
    exemptions,
  );
  return copy as T;
}
