/** A file of a layer, as the examples write it: its path and, where it matters, mode or target. */
export interface ExampleFile {
  /** Absolute path in the image. */
  readonly path: string;
  /** Permission bits in octal, setuid and setgid included. @default "0755" */
  readonly mode?: string;
  /** Target, when the file is a symlink. @default a regular file */
  readonly symlinkTo?: string;
}

/** A layer, as the examples write it: its files and its uncompressed size. */
export interface ExampleLayer {
  /** Its files. @default [] */
  readonly files?: readonly ExampleFile[];
  /** Bytes of its uncompressed tar stream. @default 0 */
  readonly size?: number;
}

/**
 * What an image example shows: the facts an image rule reads. `config` and `history` are fields
 * of the image config blob as `docker inspect` and registries store them; `layers` are the files
 * of each layer, bottom first; `runtime` is what `hardened verify --runtime` observed when it ran
 * the image (see `RuntimeObservations`).
 */
export interface ImageFacts {
  /** Fields of the config blob's `config` object (`User`, `Env`, `Healthcheck`, ...). */
  readonly config?: Readonly<Record<string, unknown>>;
  /** The config blob's `history` entries. */
  readonly history?: readonly { readonly created_by: string }[];
  /** The layers. */
  readonly layers?: readonly ExampleLayer[];
  /** Runtime observations: the fields that matter, the others as in a healthy run. */
  readonly runtime?: Readonly<Record<string, unknown>>;
}

const WIDTH = 80;

/** `value` as JSON on one line, with a space after each comma and colon and inside braces. */
function inline(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map(inline).join(", ")}]`;
  }
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${inline(v)}`);
    return entries.length === 0 ? "{}" : `{ ${entries.join(", ")} }`;
  }
  return JSON.stringify(value);
}

/** `value` as JSON indented by `indent` spaces, each object or list on one line where it fits. */
function json(value: unknown, indent: number): string {
  const line = inline(value);
  if (indent + line.length <= WIDTH || value === null || typeof value !== "object") {
    return line;
  }
  const pad = " ".repeat(indent + 2);
  const items = Array.isArray(value)
    ? value.map((v: unknown) => pad + json(v, indent + 2))
    : Object.entries(value).map(([k, v]) => `${pad}${JSON.stringify(k)}: ${json(v, indent + 2)}`);
  const [open, close] = Array.isArray(value) ? ["[", "]"] : ["{", "}"];
  return `${open}\n${items.join(",\n")}\n${" ".repeat(indent)}${close}`;
}

/** The JSON text of an image example, each object or list on one line where it fits. */
export function imageFacts(facts: ImageFacts): string {
  return `${json(facts, 0)}\n`;
}
