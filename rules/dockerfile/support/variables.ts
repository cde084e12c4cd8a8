/**
 * Build variables visible to an instruction: a name maps to its value, or to null when it is
 * declared (`ARG NAME`) without a value, so its value is only known at build time.
 */
export type VariableScope = ReadonlyMap<string, string | null>;

/** The result of expanding `$NAME` and `${NAME...}` in instruction text. */
export interface Expansion {
  /** The text with every variable replaced (unknown ones by the empty string, as Docker does). */
  readonly value: string;
  /** Names that were used but are undefined or have no value. */
  readonly unresolved: readonly string[];
}

const NONE: readonly string[] = [];

const VARIABLE = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g;

/**
 * Expands build variables the way the Dockerfile frontend does for FROM, COPY, ADD, ENV, EXPOSE,
 * LABEL, USER, VOLUME and WORKDIR: `$NAME`, `${NAME}`, `${NAME:-word}`, `${NAME-word}`,
 * `${NAME:+word}` and `${NAME+word}`; the escape character before `$` keeps it literal.
 */
export function expandVariables(text: string, scope: VariableScope, escape: string): Expansion {
  if (!text.includes("$")) {
    return { value: text, unresolved: NONE };
  }
  const unresolved: string[] = [];
  const value = text.replace(
    VARIABLE,
    (
      match,
      braced: string | undefined,
      op: string | undefined,
      word: string | undefined,
      bare: string | undefined,
      offset: number,
    ) => {
      if (offset > 0 && text[offset - 1] === escape) {
        return match;
      }
      const name = (braced ?? bare) as string;
      const current = scope.get(name) ?? null;
      const set = current !== null && (op === undefined || !op.startsWith(":") || current !== "");
      if (op === undefined) {
        if (current === null) {
          unresolved.push(name);
        }
        return current ?? "";
      }
      const inner = expandVariables(word ?? "", scope, escape);
      if (op.endsWith("-")) {
        unresolved.push(...(set ? [] : inner.unresolved));
        return set ? (current as string) : inner.value;
      }
      unresolved.push(...(set ? inner.unresolved : []));
      return set ? inner.value : "";
    },
  );
  const literal = value.includes(`${escape}$`) ? value.split(`${escape}$`).join("$") : value;
  return {
    value: literal,
    unresolved: unresolved.length < 2 ? unresolved : [...new Set(unresolved)],
  };
}
