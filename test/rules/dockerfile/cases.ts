/** A digest that is valid in form, for fixtures. */
export const DIGEST = `sha256:${"a".repeat(64)}`;

/** A pinned image with a shell. */
export const BASE = `alpine:3.20@${DIGEST}`;

/** A pinned distroless image: no shell. */
export const RUNTIME = `gcr.io/distroless/static-debian12:nonroot@${DIGEST}`;

/** One table row: a Dockerfile and the exact findings of one rule in it. */
export interface RuleCase {
  readonly name: string;
  readonly rule: string;
  readonly dockerfile: string;
  /** Expected `[line, path]` of each finding of `rule`, in order. */
  readonly expect: readonly (readonly [number, string])[];
  readonly target?: string;
  readonly dockerignore?: string;
  readonly allowedRegistries?: readonly string[];
}

/** Joins lines into a Dockerfile text. */
export function dockerfile(...lines: string[]): string {
  return `${lines.join("\n")}\n`;
}
