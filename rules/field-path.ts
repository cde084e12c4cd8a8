/**
 * Extends a field path the way Kubernetes reports them:
 * `fieldPath("spec", "containers", 0, "securityContext")` is `spec.containers[0].securityContext`.
 * The first argument may itself be a path (`"spec.template.spec"`). Keys that are not plain
 * identifiers are quoted: `fieldPath("metadata.annotations", "a/b")` is `metadata.annotations["a/b"]`.
 */
export function fieldPath(base: string, ...segments: readonly (string | number)[]): string {
  let out = base;
  for (const segment of segments) {
    if (typeof segment === "number") {
      out += `[${segment}]`;
    } else if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(segment)) {
      out += out === "" ? segment : `.${segment}`;
    } else {
      out += `[${JSON.stringify(segment)}]`;
    }
  }
  return out;
}

/**
 * Splits a field path made by `fieldPath` back into its segments:
 * `spec.containers[0].securityContext` is `["spec", "containers", 0, "securityContext"]`.
 */
export function parseFieldPath(path: string): (string | number)[] {
  return [...path.matchAll(/([A-Za-z_$][\w$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/g)].map((m) =>
    m[1] !== undefined ? m[1] : m[2] !== undefined ? Number(m[2]) : (JSON.parse(m[3]) as string),
  );
}
