/**
 * Compiles a glob where `*` matches any run of characters (including none) and `?` exactly one;
 * everything else is literal. The whole text must match.
 */
export function globToRegExp(glob: string): RegExp {
  const body = glob
    .split("")
    .map((c) => (c === "*" ? ".*" : c === "?" ? "." : c.replace(/[\\^$.+()|[\]{}]/g, "\\$&")))
    .join("");
  return new RegExp(`^${body}$`);
}
