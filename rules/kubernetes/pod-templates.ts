import { KubernetesObject } from "./types";
import { WORKLOAD_SHAPES, WorkloadShape } from "./workload-kinds";

/**
 * A kind outside core Kubernetes that carries a pod template, and where: the `podTemplates`
 * setting of `hardened check` and the policy pack, and the built-in list below.
 */
export interface PodTemplateKind {
  /**
   * The API version, `group/version` (`argoproj.io/v1alpha1`), or `group/*` for every version of
   * the group; `v1` for the core group.
   */
  readonly apiVersion: string;
  /** The kind, e.g. `Rollout`. */
  readonly kind: string;
  /**
   * Dotted path from the object root to the pod template (the object holding `metadata` and
   * `spec`), e.g. `spec.template` or `spec.jobTargetRef.template`.
   */
  readonly path: string;
}

/**
 * Kinds of widely used controllers whose objects hold a pod template at a fixed path, evaluated
 * like the core workloads: Argo Rollouts, Knative Services and Configurations, OpenShift
 * DeploymentConfigs (and their legacy core `v1` form) and KEDA ScaledJobs.
 */
export const BUILT_IN_POD_TEMPLATES: readonly PodTemplateKind[] = [
  { apiVersion: "argoproj.io/*", kind: "Rollout", path: "spec.template" },
  { apiVersion: "serving.knative.dev/*", kind: "Service", path: "spec.template" },
  { apiVersion: "serving.knative.dev/*", kind: "Configuration", path: "spec.template" },
  { apiVersion: "apps.openshift.io/*", kind: "DeploymentConfig", path: "spec.template" },
  { apiVersion: "v1", kind: "DeploymentConfig", path: "spec.template" },
  { apiVersion: "keda.sh/*", kind: "ScaledJob", path: "spec.jobTargetRef.template" },
];

const API_VERSION = /^(?:[a-z0-9]([-a-z0-9.]*[a-z0-9])?\/(?:\*|[a-z0-9]+)|v[0-9][a-z0-9]*)$/;
const KIND = /^[A-Za-z][A-Za-z0-9]*$/;
const PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

/** True when `declared` (`group/version`, `group/*` or `v1`) covers the object's `apiVersion`. */
function apiVersionMatches(declared: string, apiVersion: unknown): boolean {
  if (typeof apiVersion !== "string") {
    return false;
  }
  return declared.endsWith("/*")
    ? apiVersion.startsWith(declared.slice(0, -1))
    : apiVersion === declared;
}

/** The shape of a pod template at `path`: its `spec` and its `metadata`. */
function shapeAt(path: string): WorkloadShape {
  const segments = path.split(".");
  return { spec: [...segments, "spec"], metadata: [...segments, "metadata"] };
}

/**
 * Where `object` keeps its pod spec, or undefined when it is not a workload: a core workload by
 * kind (`WORKLOAD_SHAPES`), else the first of `podTemplates` and the built-in kinds that matches
 * its `apiVersion` and `kind`.
 */
export function workloadShapeOf(
  object: KubernetesObject,
  podTemplates: readonly PodTemplateKind[] = [],
): WorkloadShape | undefined {
  const kind = object.kind;
  if (typeof kind !== "string") {
    return undefined;
  }
  if (Object.prototype.hasOwnProperty.call(WORKLOAD_SHAPES, kind)) {
    return WORKLOAD_SHAPES[kind];
  }
  const declared = [...podTemplates, ...BUILT_IN_POD_TEMPLATES].find(
    (t) => t.kind === kind && apiVersionMatches(t.apiVersion, object.apiVersion),
  );
  return declared === undefined ? undefined : shapeAt(declared.path);
}

/**
 * Checks a `podTemplates` setting: a list of `{apiVersion, kind, path}`. Returns it typed, or
 * throws an error naming the entry and field that is wrong, what was given and what is allowed.
 * `where` names the setting in messages, like `config hardened.yaml: podTemplates`.
 */
export function readPodTemplates(value: unknown, where: string): PodTemplateKind[] {
  if (!Array.isArray(value)) {
    throw new Error(`${where}: expected a list of {apiVersion, kind, path}, got ${typeof value}`);
  }
  return value.map((entry: unknown, i) => {
    const at = `${where}[${i}]`;
    if (typeof entry !== "object" || entry === null || Array.isArray(entry)) {
      throw new Error(`${at}: expected a mapping with apiVersion, kind and path`);
    }
    const record = entry as Record<string, unknown>;
    const unknownKey = Object.keys(record).find((k) => !["apiVersion", "kind", "path"].includes(k));
    if (unknownKey !== undefined) {
      throw new Error(`${at}.${unknownKey}: unknown field; expected apiVersion, kind and path`);
    }
    const field = (name: string, pattern: RegExp, expected: string): string => {
      const v = record[name];
      if (typeof v !== "string" || !pattern.test(v)) {
        throw new Error(`${at}.${name}: ${JSON.stringify(v)} is not ${expected}`);
      }
      return v;
    };
    return {
      apiVersion: field(
        "apiVersion",
        API_VERSION,
        'an API version like "example.com/v1", "example.com/*" or "v1"',
      ),
      kind: field("kind", KIND, 'a kind like "Rollout"'),
      path: field("path", PATH, 'a dotted field path like "spec.template"'),
    };
  });
}
