/** The image of the example Pods: a version tag from the example registry. */
export const EXAMPLE_IMAGE = "ghcr.io/acme/web:1.4.2";

/** What sets one example Pod apart: YAML lines, each level indented by two spaces. */
export interface PodShape {
  /** Fields of the container `app` besides its name and image. @default [] */
  readonly container?: readonly string[];
  /** Fields of the pod spec, after its containers. @default [] */
  readonly pod?: readonly string[];
  /** Fields of the metadata, after the name and namespace. @default [] */
  readonly metadata?: readonly string[];
  /** The namespace. @default shop */
  readonly namespace?: string;
  /** Labels of the Pod, `name: value` lines. @default [] */
  readonly labels?: readonly string[];
  /** The container's image. @default EXAMPLE_IMAGE */
  readonly image?: string;
}

function indented(spaces: number, lines: readonly string[]): string[] {
  return lines.map((line) => `${" ".repeat(spaces)}${line}`);
}

/**
 * The manifest of a Pod `web` (in the namespace `shop` unless given) with one container `app`,
 * and the fields of `shape`: the Kubernetes examples are small Pods like this one.
 */
export function podManifest(shape: PodShape): string {
  return [
    "apiVersion: v1",
    "kind: Pod",
    "metadata:",
    "  name: web",
    `  namespace: ${shape.namespace ?? "shop"}`,
    ...(shape.labels ? ["  labels:", ...indented(4, shape.labels)] : []),
    ...indented(2, shape.metadata ?? []),
    "spec:",
    "  containers:",
    "    - name: app",
    `      image: ${shape.image ?? EXAMPLE_IMAGE}`,
    ...indented(6, shape.container ?? []),
    ...indented(2, shape.pod ?? []),
    "",
  ].join("\n");
}
