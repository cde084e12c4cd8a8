interface IgnorePattern {
  readonly negated: boolean;
  readonly regex: RegExp;
}

function globToRegex(pattern: string): RegExp {
  let out = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "*" && pattern[i + 1] === "*") {
      const slash = pattern[i + 2] === "/";
      out += slash ? "(?:.*/)?" : ".*";
      i += slash ? 2 : 1;
    } else if (c === "*") {
      out += "[^/]*";
    } else if (c === "?") {
      out += "[^/]";
    } else if (c === "[") {
      const close = pattern.indexOf("]", i + 1);
      if (close === -1) {
        out += "\\[";
      } else {
        out += `[${pattern
          .slice(i + 1, close)
          .replace(/^!/, "^")
          .replace(/\\/g, "\\\\")}]`;
        i = close;
      }
    } else if (c === "\\" && i + 1 < pattern.length) {
      out += pattern[++i].replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
    } else {
      out += c.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
    }
  }
  return new RegExp(`^${out}(?:/.*)?$`);
}

/**
 * A `.dockerignore` file, matched the way BuildKit does: one pattern a line, `#` comments, `!`
 * re-includes, `*`, `?`, `[...]` and `**`, leading `/` and `./` ignored, the last matching pattern
 * wins, and a pattern that matches a directory excludes everything under it.
 */
export class DockerIgnore {
  private readonly patterns: readonly IgnorePattern[];

  constructor(text: string) {
    this.patterns = text
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line !== "" && !line.startsWith("#"))
      .map((line) => {
        const negated = line.startsWith("!");
        const body = (negated ? line.slice(1).trim() : line)
          .replace(/^(\.?\/)+/, "")
          .replace(/\/+$/, "");
        return { negated, regex: globToRegex(body === "" ? "." : body) };
      });
  }

  /** True when some pattern re-includes (`!`), so an excluded directory may still send files. */
  get hasExceptions(): boolean {
    return this.patterns.some((p) => p.negated);
  }

  /** True when `path` (relative to the build context, `/`-separated) is left out of the context. */
  excludes(path: string): boolean {
    let excluded = false;
    for (const pattern of this.patterns) {
      if (pattern.regex.test(path)) {
        excluded = !pattern.negated;
      }
    }
    return excluded;
  }
}
