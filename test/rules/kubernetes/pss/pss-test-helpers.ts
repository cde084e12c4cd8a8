import { evaluateWorkload } from "../../../../rules/kubernetes/evaluate";
import { KubernetesRule } from "../../../../rules/kubernetes/kubernetes-rule";
import { parsePssVersion } from "../../../../rules/kubernetes/pss-version";
import { WORKLOAD_SHAPES } from "../../../../rules/kubernetes/workload-kinds";
import { fieldPath } from "../../../../rules/field-path";
import { Finding } from "../../../../rules/finding";
import { hardenedPodSpec, setPath, workloadOf } from "../../../fixtures/workloads";

/** The container lists of `hardenedPodSpec()` with the name of the one container in each. */
export const CONTAINERS: readonly (readonly [list: string, name: string])[] = [
  ["initContainers", "init"],
  ["containers", "app"],
  ["ephemeralContainers", "debug"],
];

/** The Pod Security Standards versions the tests sample: each one where a control changed. */
export const VERSIONS: readonly string[] = [
  "v1.25",
  "v1.26",
  "v1.27",
  "v1.29",
  "v1.31",
  "v1.32",
  "v1.34",
  "v1.35",
  "v1.37",
  "latest",
];

/** Field path of the pod spec in a workload of `kind`. */
export function podSpecPath(kind: string): string {
  return fieldPath("", ...WORKLOAD_SHAPES[kind].spec);
}

/** Field path of the pod metadata in a workload of `kind`. */
export function podMetadataPath(kind: string): string {
  return fieldPath("", ...WORKLOAD_SHAPES[kind].metadata);
}

/** A hardened pod spec changed by `mutate`. */
export function specWith(mutate: (spec: Record<string, unknown>) => void): Record<string, unknown> {
  const spec = hardenedPodSpec();
  mutate(spec);
  return spec;
}

/** Sets `value` at `path` (relative to the container) in every container of every list. */
export function setInEveryContainer(
  spec: Record<string, unknown>,
  path: string,
  value: unknown,
): void {
  for (const [list] of CONTAINERS) {
    setPath(spec, `${list}[0].${path}`, value);
  }
}

/** What to evaluate besides the pod spec. */
export interface RunOptions {
  /** Workload kind. @default "Pod" */
  readonly kind?: string;
  /** `--pss-version`. @default "latest" */
  readonly version?: string;
  /** Annotations on the pod (template) metadata. @default none */
  readonly annotations?: Readonly<Record<string, string>>;
}

/** Runs `rule` alone over `spec` wrapped in a workload and returns its findings. */
export function findingsOf(
  rule: KubernetesRule,
  spec: Record<string, unknown>,
  options: RunOptions = {},
): Finding[] {
  const kind = options.kind ?? "Pod";
  const workload = workloadOf(kind, spec) as Record<string, unknown>;
  if (options.annotations) {
    setPath(workload, `${podMetadataPath(kind)}.annotations`, { ...options.annotations });
  }
  return evaluateWorkload(workload, {
    rules: [rule],
    options: { pssVersion: parsePssVersion(options.version ?? "latest") },
  });
}

/** Runs `rule` alone over `spec`; returns `[path, container]` per finding. */
export function run(
  rule: KubernetesRule,
  spec: Record<string, unknown>,
  options: RunOptions = {},
): [string, string | null][] {
  return findingsOf(rule, spec, options).map((f) => [f.path, f.container]);
}

/** Runs `rule` alone over `spec`; returns the findings' messages. */
export function messages(
  rule: KubernetesRule,
  spec: Record<string, unknown>,
  options: RunOptions = {},
): string[] {
  return findingsOf(rule, spec, options).map((f) => f.message);
}
