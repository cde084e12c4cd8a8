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
  if (path.includes('"')) {
    return [...path.matchAll(/([A-Za-z_$][\w$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/g)].map((m) =>
      m[1] !== undefined ? m[1] : m[2] !== undefined ? Number(m[2]) : (JSON.parse(m[3]) as string),
    );
  }
  // Without quoted keys, the same matches found by a scan (paths are split once per finding).
  const out: (string | number)[] = [];
  let i = 0;
  while (i < path.length) {
    const c = path.charCodeAt(i);
    if (isIdentifierStart(c)) {
      let end = i + 1;
      while (
        end < path.length &&
        (isIdentifierStart(path.charCodeAt(end)) || isDigit(path.charCodeAt(end)))
      ) {
        end++;
      }
      out.push(path.slice(i, end));
      i = end;
      continue;
    }
    if (c === 91) {
      let end = i + 1;
      while (end < path.length && isDigit(path.charCodeAt(end))) {
        end++;
      }
      if (end > i + 1 && path.charCodeAt(end) === 93) {
        out.push(Number(path.slice(i + 1, end)));
        i = end + 1;
        continue;
      }
    }
    i++;
  }
  return out;
}

/** `[A-Za-z_$]`. */
function isIdentifierStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36;
}

/** `[0-9]`. */
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
