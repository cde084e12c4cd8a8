/**
 * Why `hardened check` did not evaluate an input:
 * - `not-kubernetes`: a YAML/JSON document without a string `apiVersion` and `kind` (an app
 *   config, a CI workflow, a compose file, a values file), found while walking a directory;
 * - `not-yaml`: a file without a `.yaml`, `.yml` or `.json` extension, found while walking;
 * - `empty`: a YAML file found while walking that holds no document;
 * - `helm-chart`: a file of a Helm chart (`templates/`, `charts/`) that was not rendered;
 * - `kustomization`: a file of a kustomization directory that was not rendered;
 * - `render-failed`: a chart or kustomization whose renderer failed;
 * - `hidden-directory`, `dependency-directory`: a directory starting with `.`, or `node_modules`;
 * - `unreadable`: a file or directory that could not be read (permissions, I/O);
 * - `special-file`: a FIFO, socket or device found while walking (reading one could block);
 * - `broken-symlink`: a symbolic link whose target does not exist or loops;
 * - `already-scanned`: a directory reached a second time (through a symbolic link);
 * - `unsupported-workload-kind`: a Kubernetes object of a kind the rules do not know, that carries
 *   a pod template: a workload that was not checked.
 */
export type SkipReason =
  | "not-kubernetes"
  | "not-yaml"
  | "empty"
  | "helm-chart"
  | "kustomization"
  | "render-failed"
  | "hidden-directory"
  | "dependency-directory"
  | "unreadable"
  | "special-file"
  | "broken-symlink"
  | "already-scanned"
  | "unsupported-workload-kind";

/** An input that was seen and not evaluated, and why. */
export interface SkippedInput {
  /** The file or directory, as reached from the paths the user named. */
  readonly file: string;
  /** Zero-based YAML document index, or null when the whole file or directory was skipped. */
  readonly document: number | null;
  /** Why it was skipped. */
  readonly reason: SkipReason;
  /** What was found, and how to check it when it can be checked (e.g. the render command). */
  readonly detail: string;
}
