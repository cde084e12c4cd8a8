import * as k8s from "@pulumi/kubernetes";
import { checkDnsLabel } from "./dns-label";
import { HardenedArgsError } from "./errors";

/** The volume sources `HardenedDeployment` accepts: those of the restricted Pod Security Standard. */
export const VOLUME_SOURCES = [
  "configMap",
  "secret",
  "projected",
  "downwardAPI",
  "persistentVolumeClaim",
  "ephemeral",
] as const;

/** One of {@link VOLUME_SOURCES}. */
export type VolumeSourceKind = (typeof VOLUME_SOURCES)[number];

/**
 * Volume sources the kubelet always mounts read-only (it writes them atomically itself), so a
 * mount may not ask for `readOnly: false`.
 */
export const ALWAYS_READ_ONLY_SOURCES: readonly VolumeSourceKind[] = [
  "configMap",
  "secret",
  "projected",
  "downwardAPI",
];

/**
 * A volume of the pod, with exactly one source, and optionally its mount in the application
 * container. Writable scratch space is declared with `writablePaths` instead (size-limited
 * `emptyDir`s); host paths and other node-level sources are not offered.
 */
export interface VolumeArgs {
  /** The volume's name (a DNS label), unique in the pod; mounts refer to it. */
  readonly name: string;
  /**
   * Files from a ConfigMap.
   * @default unset
   */
  readonly configMap?: k8s.types.input.core.v1.ConfigMapVolumeSource;
  /**
   * Files from a Secret: mount secrets as files rather than environment variables.
   * @default unset
   */
  readonly secret?: k8s.types.input.core.v1.SecretVolumeSource;
  /**
   * Several ConfigMaps, Secrets, downward API fields and service account tokens in one directory.
   * @default unset
   */
  readonly projected?: k8s.types.input.core.v1.ProjectedVolumeSource;
  /**
   * Pod fields (labels, annotations, resource limits) as files.
   * @default unset
   */
  readonly downwardAPI?: k8s.types.input.core.v1.DownwardAPIVolumeSource;
  /**
   * An existing PersistentVolumeClaim.
   * @default unset
   */
  readonly persistentVolumeClaim?: k8s.types.input.core.v1.PersistentVolumeClaimVolumeSource;
  /**
   * A claim created and deleted with each pod.
   * @default unset
   */
  readonly ephemeral?: k8s.types.input.core.v1.EphemeralVolumeSource;
  /**
   * Where the application container mounts the volume (absolute path).
   * @default not mounted in the application container (sidecars and init containers mount
   * volumes with their own `volumeMounts`)
   */
  readonly mountPath?: string;
  /**
   * The path inside the volume to mount, for the application container's mount.
   * @default "" (the volume's root)
   */
  readonly subPath?: string;
  /**
   * Whether the application container's mount is read-only. Only `persistentVolumeClaim` and
   * `ephemeral` volumes may be mounted writable; the kubelet mounts the others read-only anyway.
   * @default true
   */
  readonly readOnly?: boolean;
}

/** A container's mount of one of the pod's volumes. */
export interface VolumeMountArgs {
  /**
   * The volume's name: one of `volumes`, or a writable path's volume (`tmp`, or the path with
   * `/` as `-`: `/var/log/app` is `var-log-app`).
   */
  readonly name: string;
  /** Where the container sees the volume (absolute path). */
  readonly mountPath: string;
  /**
   * The path inside the volume to mount.
   * @default "" (the volume's root)
   */
  readonly subPath?: string;
  /**
   * Whether the mount is read-only. `false` is allowed for `persistentVolumeClaim`, `ephemeral`
   * and writable-path (`emptyDir`) volumes only.
   * @default true
   */
  readonly readOnly?: boolean;
}

/** A checked volume: its name, its one source, and whether it may be mounted writable. */
export interface ResolvedVolume {
  /** The volume's name. */
  readonly name: string;
  /** The Kubernetes volume, as given (`{ name, <source>: ... }`). */
  readonly volume: Readonly<Record<string, unknown>>;
  /** True when a mount may set `readOnly: false`. */
  readonly writable: boolean;
}

/** A checked mount, as written to the container. */
export type ResolvedMount = {
  /** The volume's name. */
  readonly name: string;
  /** The mount path. */
  readonly mountPath: string;
  /**
   * The path inside the volume.
   * @default the volume's root
   */
  readonly subPath?: string;
  /**
   * True for a read-only mount (written explicitly).
   * @default writable
   */
  readonly readOnly?: true;
};

/**
 * Checks that `path` is an absolute, normalized path below `/`; throws naming `arg` otherwise.
 */
export function checkMountPath(path: unknown, arg: string, owner: string): string {
  if (typeof path !== "string" || !path.startsWith("/")) {
    throw new HardenedArgsError(
      owner,
      arg,
      `${JSON.stringify(path)} is not an absolute path; expected a path like "/etc/app"`,
    );
  }
  if (path === "/" || path.endsWith("/") || path.includes("//") || /\/\.\.?(\/|$)/.test(path)) {
    throw new HardenedArgsError(
      owner,
      arg,
      `"${path}" is not a normalized directory below "/"; expected a path like "/etc/app"`,
    );
  }
  return path;
}

/**
 * Checks the pod's volumes: DNS-label names, unique and not in `taken` (the writable paths'
 * volumes), and exactly one source each.
 */
export function resolveVolumes(
  volumes: readonly VolumeArgs[] | undefined,
  arg: string,
  owner: string,
  taken: ReadonlySet<string>,
): ResolvedVolume[] {
  const seen = new Map<string, string>();
  return (volumes ?? []).map((v, i) => {
    const at = `${arg}[${i}]`;
    checkDnsLabel(v.name, `${at}.name`, owner);
    const first = seen.get(v.name);
    if (first !== undefined || taken.has(v.name)) {
      throw new HardenedArgsError(
        owner,
        `${at}.name`,
        `"${v.name}" is already the name of ${first ?? "a writable path's volume"}; volume names must be unique`,
      );
    }
    seen.set(v.name, at);
    const sources = VOLUME_SOURCES.filter((s) => v[s] !== undefined && v[s] !== null);
    if (sources.length !== 1) {
      throw new HardenedArgsError(
        owner,
        at,
        `has ${sources.length === 0 ? "no source" : `${sources.length} sources (${sources.join(", ")})`}; expected exactly one of ${VOLUME_SOURCES.join(", ")}`,
      );
    }
    const source = sources[0];
    return {
      name: v.name,
      volume: { name: v.name, [source]: v[source] },
      writable: !ALWAYS_READ_ONLY_SOURCES.includes(source),
    };
  });
}

/**
 * Checks one container's mounts, each with the argument path it came from, against the pod's
 * volumes (by name, the value telling which may be mounted writable) and against the paths the
 * container already mounts (`paths`, path to argument, updated). Mounts are read-only unless they
 * say `readOnly: false`.
 */
export function resolveMounts(
  mounts: readonly { readonly arg: string; readonly mount: VolumeMountArgs }[],
  writableByName: ReadonlyMap<string, boolean>,
  owner: string,
  paths: Map<string, string>,
): ResolvedMount[] {
  return mounts.map(({ arg: at, mount: m }) => {
    const writable = writableByName.get(m.name);
    if (writable === undefined) {
      throw new HardenedArgsError(
        owner,
        `${at}.name`,
        `"${m.name}" is not a volume of this pod; expected one of ${[...writableByName.keys()].join(", ") || "(none: declare it in args.volumes)"}`,
      );
    }
    const mountPath = checkMountPath(m.mountPath, `${at}.mountPath`, owner);
    const first = paths.get(mountPath);
    if (first !== undefined) {
      throw new HardenedArgsError(
        owner,
        `${at}.mountPath`,
        `"${mountPath}" is already mounted by ${first}; a container mounts each path once`,
      );
    }
    paths.set(mountPath, at);
    if (m.readOnly === false && !writable) {
      throw new HardenedArgsError(
        owner,
        `${at}.readOnly`,
        `volume "${m.name}" is always mounted read-only by the kubelet; leave readOnly unset (only persistentVolumeClaim, ephemeral and writable-path volumes can be written)`,
      );
    }
    if (
      m.subPath !== undefined &&
      (typeof m.subPath !== "string" || /(^|\/)\.\.(\/|$)|^\//.test(m.subPath))
    ) {
      throw new HardenedArgsError(
        owner,
        `${at}.subPath`,
        `${JSON.stringify(m.subPath)} is not a relative path inside the volume; expected a path like "conf/app.yaml"`,
      );
    }
    return {
      name: m.name,
      mountPath,
      ...(m.subPath === undefined ? {} : { subPath: m.subPath }),
      ...(m.readOnly === false ? {} : { readOnly: true as const }),
    };
  });
}
