import { parse } from "yaml";
import { fieldPath, parseFieldPath } from "../field-path";
import { isRecord } from "../read";
import { knownOrUndefined } from "../unknown";
import { ResolvedKubernetesRuleOptions } from "./options";
import { PodContext, podContextOf } from "./pod-context";
import { KubernetesObject } from "./types";

/**
 * Argo Workflows kinds (`argoproj.io`), each with the path of its WorkflowSpec. A Workflow's pods
 * are not one template: the controller builds one pod for every template that runs containers
 * (`container`, `script`, `containerSet`), from fields of the template, of `templateDefaults` and
 * of the workflow spec.
 */
const WORKFLOW_SPEC_PATHS: Readonly<Record<string, readonly string[]>> = {
  Workflow: ["spec"],
  WorkflowTemplate: ["spec"],
  ClusterWorkflowTemplate: ["spec"],
  CronWorkflow: ["spec", "workflowSpec"],
};

/** Every Argo Workflows kind that carries pod specs, in a stable order. */
export const ARGO_WORKFLOW_KINDS: readonly string[] = Object.keys(WORKFLOW_SPEC_PATHS);

/** The Argo Workflows API group prefix of `apiVersion`. */
const ARGO_GROUP = "argoproj.io/";

/** True when `object` is an Argo Workflow, CronWorkflow, WorkflowTemplate or ClusterWorkflowTemplate. */
export function isArgoWorkflow(object: { apiVersion?: unknown; kind?: unknown }): boolean {
  return (
    typeof object.apiVersion === "string" &&
    object.apiVersion.startsWith(ARGO_GROUP) &&
    typeof object.kind === "string" &&
    Object.prototype.hasOwnProperty.call(WORKFLOW_SPEC_PATHS, object.kind)
  );
}

/** Where the synthetic pod of a template puts its spec and metadata, before paths are mapped back. */
const POD = "$pod";
const META = "$meta";

/** Lists the API server merges by `name` in a strategic merge patch (and Argo in templateDefaults). */
const NAMED_LISTS: ReadonlySet<string> = new Set([
  "containers",
  "initContainers",
  "ephemeralContainers",
  "sidecars",
  "volumes",
  "volumeMounts",
  "env",
]);

/** Keys of `templateDefaults` that decide a template's type: merged only into templates of that type. */
const TEMPLATE_TYPES: ReadonlySet<string> = new Set([
  "container",
  "script",
  "containerSet",
  "steps",
  "dag",
  "resource",
  "suspend",
  "data",
  "http",
  "plugin",
]);

/** A value with the real field path it was read from. */
interface Layer {
  readonly value: unknown;
  readonly path: string;
}

/**
 * Where each part of a synthetic pod came from: synthetic path prefix (`$pod.containers[0]`) to
 * real path (`spec.templates[2].container`). The longest prefix wins.
 */
class Origins {
  private readonly map = new Map<string, string>();
  private readonly whole = new Set<string>();
  private readonly text = new Set<string>();

  /**
   * Records that `synthetic` and everything below it come from `real`; `merged` when only the
   * parts below it that nothing else records do (a mapping merged from several layers).
   */
  set(synthetic: string, real: string, merged = false): void {
    for (const key of [...this.map.keys()]) {
      if (below(key, synthetic)) {
        this.map.delete(key);
        this.whole.delete(key);
        this.text.delete(key);
      }
    }
    this.map.set(synthetic, real);
    this.text.delete(synthetic);
    if (merged) {
      this.whole.delete(synthetic);
    } else {
      this.whole.add(synthetic);
    }
  }

  /**
   * Records that `synthetic` and everything below it come from the text field `real` (a pod spec
   * patch): paths below it are reported at `real` itself.
   */
  setText(synthetic: string, real: string): void {
    this.set(synthetic, real);
    this.text.add(synthetic);
  }

  /** The synthetic paths whose value came whole from one place, with that place. */
  wholeEntries(): [synthetic: string, real: string][] {
    return [...this.whole].map((k) => [k, this.map.get(k) as string]);
  }

  /** Records that `synthetic` comes from `real`, without replacing what is known below it. */
  setOwn(synthetic: string, real: string): void {
    this.map.set(synthetic, real);
  }

  /** The real path of a synthetic path, or undefined when no recorded prefix covers it. */
  real(path: string): string | undefined {
    let best: string | undefined;
    for (const key of this.map.keys()) {
      if ((path === key || below(path, key)) && (best === undefined || key.length > best.length)) {
        best = key;
      }
    }
    if (best === undefined) {
      return undefined;
    }
    const real = this.map.get(best) as string;
    return this.text.has(best) ? real : real + path.slice(best.length);
  }
}

/** True when `path` is strictly below `prefix`: `a.b` and `a[0]` are below `a`, `ab` is not. */
function below(path: string, prefix: string): boolean {
  return (
    path.length > prefix.length &&
    path.startsWith(prefix) &&
    /^[.[]/.test(path.slice(prefix.length))
  );
}

/** The `name` of a list item, when it is a mapping with a string name. */
function nameOf(item: unknown): string | undefined {
  return isRecord(item) && typeof item.name === "string" ? item.name : undefined;
}

/**
 * The merge of `layers` (later ones win) at the synthetic path `at`, as Argo merges
 * `templateDefaults` into a template and the API server applies a strategic merge patch: mappings
 * merge key by key, lists of named items merge by name, anything else is replaced. A value that
 * comes whole from one layer is that layer's object itself (not read further), so a value that is
 * not known yet deeper inside stays unread until a rule reads it.
 */
function merge(at: string, key: string, layers: readonly Layer[], origins: Origins): unknown {
  const present = layers.filter((l) => l.value !== undefined && l.value !== null);
  if (present.length === 0) {
    return undefined;
  }
  const last = present[present.length - 1];
  if (present.length === 1) {
    origins.set(at, last.path);
    return last.value;
  }
  if (present.every((l) => isRecord(l.value))) {
    origins.set(at, last.path, true);
    const keys = [...new Set(present.flatMap((l) => Object.keys(l.value as object)))];
    const merged: Record<string, unknown> = {};
    for (const k of keys) {
      const value = merge(
        fieldPath(at, k),
        k,
        present.map((l) => ({
          value: (l.value as Record<string, unknown>)[k],
          path: fieldPath(l.path, k),
        })),
        origins,
      );
      if (value !== undefined) {
        merged[k] = value;
      }
    }
    return merged;
  }
  if (NAMED_LISTS.has(key) && present.every((l) => Array.isArray(l.value))) {
    origins.set(at, last.path, true);
    const items: Layer[][] = [];
    const byName = new Map<string, Layer[]>();
    for (const layer of present) {
      (layer.value as unknown[]).forEach((item, index) => {
        const entry = { value: item, path: fieldPath(layer.path, index) };
        const name = nameOf(item);
        const same = name === undefined ? undefined : byName.get(name);
        if (same !== undefined) {
          same.push(entry);
        } else {
          const group = [entry];
          items.push(group);
          if (name !== undefined) {
            byName.set(name, group);
          }
        }
      });
    }
    return items.map((group, index) => merge(fieldPath(at, index), "", group, origins));
  }
  origins.set(at, last.path);
  return last.value;
}

/** `value` read as a pod spec patch (YAML or JSON text), or undefined when it is not one. */
function patchOf(value: unknown): Record<string, unknown> | undefined {
  if (typeof value !== "string") {
    return undefined;
  }
  try {
    const parsed: unknown = parse(value);
    return isRecord(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/**
 * `target` with `name` reading as `name`, whatever the object says (Argo names main containers
 * `main`). The object is not copied, so values not known yet inside it stay unread.
 */
function named(target: unknown, name: string): unknown {
  if (!isRecord(target)) {
    return target;
  }
  return new Proxy<Record<string, unknown>>(
    {},
    {
      get: (_, prop) => (prop === "name" ? name : Reflect.get(target, prop)),
      has: (_, prop) => prop === "name" || Reflect.has(target, prop),
      ownKeys: () => [...new Set([...Reflect.ownKeys(target), "name"])],
      getOwnPropertyDescriptor: (_, prop) => {
        if (prop === "name") {
          return { value: name, writable: true, enumerable: true, configurable: true };
        }
        const own = Reflect.getOwnPropertyDescriptor(target, prop);
        return own === undefined ? undefined : { ...own, configurable: true };
      },
    },
  );
}

/** The paths of the values below `at` that are not mappings (`value` is parsed text, not a proxy). */
function leavesOf(at: string, value: unknown): string[] {
  return isRecord(value)
    ? Object.entries(value).flatMap(([k, v]) => leavesOf(fieldPath(at, k), v))
    : [at];
}

/** One pod the controller builds for a template, and how its field paths map back to the object. */
export interface WorkflowPod {
  /** The pod, with field paths under `$pod` (spec) and `$meta` (metadata). */
  readonly pod: PodContext;
  /** The real field path of a path the rules report on `pod`. */
  readonly realPath: (path: string) => string;
}

/** The value at `segments` below `root`, or undefined. */
function read(root: unknown, segments: readonly (string | number)[]): unknown {
  let node: unknown = root;
  for (const segment of segments) {
    node =
      isRecord(node) || Array.isArray(node)
        ? (node as Record<string, unknown>)[segment]
        : undefined;
  }
  return node;
}

/**
 * The pod of template `index`, or undefined when the template runs no container of the user's
 * (steps, dag, suspend, resource, data, http and plugin templates) or is not known yet.
 */
function templatePod(
  workflow: KubernetesObject,
  specSegments: readonly string[],
  index: number,
  options: ResolvedKubernetesRuleOptions,
): WorkflowPod | undefined {
  const spec = read(workflow, specSegments);
  const W = fieldPath("", ...specSegments);
  const T = fieldPath(W, "templates", index);
  const D = fieldPath(W, "templateDefaults");
  const template = read(spec, ["templates", index]);
  if (!isRecord(template)) {
    return undefined;
  }
  const defaults = read(spec, ["templateDefaults"]);
  const origins = new Origins();
  /** The template's field `key` over `templateDefaults`, merged at `at`. */
  const field = (at: string, key: string): unknown => {
    const fromDefaults =
      isRecord(defaults) && (!TEMPLATE_TYPES.has(key) || template[key] !== undefined)
        ? defaults[key]
        : undefined;
    return merge(
      at,
      key,
      [
        { value: fromDefaults, path: fieldPath(D, key) },
        { value: template[key], path: fieldPath(T, key) },
      ],
      origins,
    );
  };
  /** The template's field `key`, else the workflow's (Argo takes one or the other whole). */
  const either = (key: string, at = fieldPath(POD, key)): unknown => {
    const own = field(at, key);
    return own !== undefined
      ? own
      : merge(at, key, [{ value: read(spec, [key]), path: fieldPath(W, key) }], origins);
  };

  const containers: unknown[] = [];
  if (template.container !== undefined) {
    containers.push(named(field(fieldPath(POD, "containers", 0), "container"), "main"));
  } else if (template.script !== undefined) {
    containers.push(named(field(fieldPath(POD, "containers", 0), "script"), "main"));
  } else if (isRecord(template.containerSet)) {
    const set = template.containerSet.containers;
    (Array.isArray(set) ? set : []).forEach((c, i) => {
      const at = fieldPath(POD, "containers", containers.length);
      origins.set(at, fieldPath(T, "containerSet", "containers", i));
      containers.push(c);
    });
  } else {
    return undefined;
  }
  const sidecars = field("$sidecars", "sidecars");
  (Array.isArray(sidecars) ? sidecars : []).forEach((c, i) => {
    const at = fieldPath(POD, "containers", containers.length);
    const real = origins.real(fieldPath("$sidecars", i));
    if (real !== undefined) {
      origins.set(at, real);
    }
    containers.push(c);
  });

  const volumes: unknown[] = [];
  const workflowVolumes = read(spec, ["volumes"]);
  (Array.isArray(workflowVolumes) ? workflowVolumes : []).forEach((v, i) => {
    origins.set(fieldPath(POD, "volumes", volumes.length), fieldPath(W, "volumes", i));
    volumes.push(v);
  });
  const templateVolumes = field("$volumes", "volumes");
  (Array.isArray(templateVolumes) ? templateVolumes : []).forEach((v, i) => {
    const real = origins.real(fieldPath("$volumes", i));
    if (real !== undefined) {
      origins.set(fieldPath(POD, "volumes", volumes.length), real);
    }
    volumes.push(v);
  });

  let pod: Record<string, unknown> = {
    containers,
    initContainers: field(fieldPath(POD, "initContainers"), "initContainers"),
    volumes,
    securityContext: either("securityContext"),
    serviceAccountName: either("serviceAccountName"),
    automountServiceAccountToken: either("automountServiceAccountToken"),
    hostNetwork: merge(
      fieldPath(POD, "hostNetwork"),
      "hostNetwork",
      [{ value: read(spec, ["hostNetwork"]), path: fieldPath(W, "hostNetwork") }],
      origins,
    ),
  };
  const patches: Layer[] = [
    { value: read(spec, ["podSpecPatch"]), path: fieldPath(W, "podSpecPatch") },
    {
      value: template.podSpecPatch ?? (isRecord(defaults) ? defaults.podSpecPatch : undefined),
      path: fieldPath(template.podSpecPatch !== undefined ? T : D, "podSpecPatch"),
    },
  ];
  for (const patch of patches) {
    const parsed = patchOf(patch.value);
    if (parsed !== undefined) {
      const patched = new Origins();
      pod = merge(
        POD,
        "",
        [
          { value: pod, path: POD },
          { value: parsed, path: patch.path },
        ],
        patched,
      ) as Record<string, unknown>;
      // Parts the patch left alone keep their origin; values it set come from the patch text,
      // and fields it leaves unset in a mapping it adds belong where they were before.
      for (const [synthetic, real] of patched.wholeEntries()) {
        if (real.startsWith(patch.path)) {
          const value = read({ [POD]: pod }, parseFieldPath(synthetic));
          for (const leaf of leavesOf(synthetic, value)) {
            origins.setText(leaf, patch.path);
          }
        }
      }
    }
  }
  origins.setOwn(POD, W);
  const metadata = merge(
    META,
    "",
    [
      { value: read(spec, ["podMetadata"]), path: fieldPath(W, "podMetadata") },
      { value: isRecord(defaults) ? defaults.metadata : undefined, path: fieldPath(D, "metadata") },
      { value: template.metadata, path: fieldPath(T, "metadata") },
    ],
    origins,
  );
  if (metadata === undefined) {
    origins.setOwn(META, fieldPath(T, "metadata"));
  }
  const context = podContextOf(
    { [POD]: pod, [META]: metadata ?? {} },
    String(workflow.kind),
    options,
    { spec: [POD], metadata: [META] },
  );
  return {
    pod: { ...context, workload: workflow },
    realPath: (path) => origins.real(path) ?? path,
  };
}

/**
 * The pods an Argo Workflows object (Workflow, CronWorkflow, WorkflowTemplate,
 * ClusterWorkflowTemplate) makes: one for each template with a `container`, `script` or
 * `containerSet`, as the workflow controller builds it. Its containers are the template's main
 * containers (named `main` for `container` and `script`, as Argo names them) and `sidecars`; its
 * init containers the template's `initContainers`; `securityContext`, `serviceAccountName` and
 * `automountServiceAccountToken` come from the template, else from the workflow spec;
 * `hostNetwork` from the workflow spec; volumes are the workflow spec's and the template's;
 * metadata merges the spec's `podMetadata` and the template's `metadata`; `templateDefaults`
 * applies under every template; and the workflow's then the template's `podSpecPatch` are applied
 * last (a patch that is not a YAML or JSON mapping, for example one built from parameters, is not
 * applied). Field paths map back to where each value is written. A template that is not known yet
 * is left out.
 */
export function argoWorkflowPods(
  workflow: KubernetesObject,
  options: ResolvedKubernetesRuleOptions,
): WorkflowPod[] {
  const specSegments = WORKFLOW_SPEC_PATHS[String(workflow.kind)];
  const templates = knownOrUndefined(() => read(workflow, [...specSegments, "templates"]));
  if (!Array.isArray(templates)) {
    return [];
  }
  const pods: WorkflowPod[] = [];
  for (let index = 0; index < templates.length; index++) {
    const pod = knownOrUndefined(() => templatePod(workflow, specSegments, index, options));
    if (pod !== undefined) {
      pods.push(pod);
    }
  }
  return pods;
}
