import { MAX_NESTING } from "./decode-yaml";
import { resolvePlainScalar } from "./yaml-scalar";

/**
 * Where one node of a document starts, and for a collection its children, as `Document.getIn`
 * of the `yaml` library finds them: a mapping's keys by their written text, first occurrence.
 */
export interface LineNode {
  /** One-based line of the node's first character (a collection's first key or `-`). */
  readonly line: number;
  /** Written key text to value, the first of duplicate keys. */
  readonly map?: ReadonlyMap<string, LineNode>;
  readonly seq?: readonly LineNode[];
  /** A scalar, which `Document.get` returns as a string. */
  readonly scalar?: true;
}

/** One document of a file in the block subset. */
export interface BlockDocument {
  /**
   * The value `decodeKubernetesYaml` makes of the document; null for an empty document (a `---`
   * with nothing after it).
   */
  readonly value: unknown;
  /** The root: a mapping, or for an empty document the empty scalar on its `---` line. */
  readonly root: LineNode;
  /** The root mapping's first `apiVersion` and `kind` are both scalars. */
  readonly mayBeKubernetes: boolean;
}

/** Thrown inside the reader when the text leaves the subset; never escapes `readBlockYaml`. */
class OutsideSubset extends Error {}

const OUTSIDE = new OutsideSubset();

function outside(): never {
  throw OUTSIDE;
}

/** Printable ASCII and line feeds: anything else (tabs, CR, Unicode, controls) is left to `yaml`. */
const UNUSUAL_CHARACTER = /[^\n\x20-\x7e]/;

/** Characters that cannot start a plain scalar here (`-` is allowed before a non-space). */
const INDICATORS = new Set([..."-?:,[]{}#&*!|>'\"%@`"]);

/** The longest implicit key `yaml` accepts is 1024 characters; longer ones are left to it. */
const MAX_KEY_LENGTH = 1000;

interface Line {
  /** One-based line number. */
  readonly no: number;
  readonly indent: number;
  readonly text: string;
}

interface Parsed {
  readonly value: unknown;
  readonly node: LineNode;
}

/** End of a plain scalar or key on `text` from `from`: before ` #` or the line end, trimmed. */
function plainEnd(text: string, from: number): number {
  const comment = text.indexOf(" #", from);
  let end = comment === -1 ? text.length : comment;
  while (end > from && text.charCodeAt(end - 1) === 32) {
    end--;
  }
  return end;
}

/** Whether `text` from `at` holds nothing but spaces and perhaps a comment. */
function restIsBlank(text: string, at: number): boolean {
  let i = at;
  while (i < text.length && text.charCodeAt(i) === 32) {
    i++;
  }
  return i === text.length || (text.charCodeAt(i) === 35 && i > at);
}

/** A quoted scalar on one line starting at `at`: its value and the index after the close quote. */
function quoted(text: string, at: number): { value: string; end: number } {
  const quote = text[at];
  let value = "";
  let i = at + 1;
  for (;;) {
    const close = text.indexOf(quote, i);
    if (close === -1) {
      return outside();
    }
    const part = text.slice(i, close);
    if (quote === '"' && part.includes("\\")) {
      return outside();
    }
    value += part;
    if (quote === "'" && text[close + 1] === "'") {
      value += "'";
      i = close + 2;
      continue;
    }
    return { value, end: close + 1 };
  }
}

/** Whether a plain scalar may start with `text[at]`. */
function plainStart(text: string, at: number): boolean {
  const c = text[at];
  if (!INDICATORS.has(c)) {
    return true;
  }
  return c === "-" && at + 1 < text.length && text[at + 1] !== " ";
}

/**
 * Reads files written in the plain block subset of YAML that nearly every manifest uses: block
 * mappings and sequences indented with spaces, one-line plain and quoted scalars without escapes,
 * `{}` and `[]`, comments, and `---` between documents. The value of each document is exactly what
 * `decodeKubernetesYaml` makes of the `yaml` library's parse, and each node's line is the one
 * `yaml` gives; anything outside the subset (anchors, aliases, tags, merge keys, flow collections,
 * block and multi-line scalars, escapes, empty values, key types that clash, tabs, non-ASCII
 * text, malformed YAML) returns undefined so the caller parses the file with `yaml` itself.
 */
export function readBlockYaml(text: string): BlockDocument[] | undefined {
  if (UNUSUAL_CHARACTER.test(text)) {
    return undefined;
  }
  try {
    return new BlockReader(text).documents();
  } catch (error) {
    if (error instanceof OutsideSubset) {
      return undefined;
    }
    throw error;
  }
}

class BlockReader {
  private readonly lines: Line[] = [];
  /** Indexes into `lines` where a `---` starts a document. */
  private readonly separators: number[] = [];
  /** The one-based line of each `---`. */
  private readonly separatorLines: number[] = [];
  private i = 0;
  private end = 0;

  constructor(text: string) {
    const raw = text.split("\n");
    for (let n = 0; n < raw.length; n++) {
      const line = raw[n];
      let indent = 0;
      while (indent < line.length && line.charCodeAt(indent) === 32) {
        indent++;
      }
      if (indent === line.length || line.charCodeAt(indent) === 35) {
        continue;
      }
      if (indent === 0 && (line.startsWith("---") || line.startsWith("...") || line[0] === "%")) {
        if (line !== "---") {
          outside();
        }
        this.separators.push(this.lines.length);
        this.separatorLines.push(n + 1);
        continue;
      }
      this.lines.push({ no: n + 1, indent, text: line });
    }
  }

  documents(): BlockDocument[] {
    const out: BlockDocument[] = [];
    const starts = [0, ...this.separators];
    const ends = [...this.separators, this.lines.length];
    for (let d = 0; d < starts.length; d++) {
      this.i = starts[d];
      this.end = ends[d];
      if (this.i === this.end) {
        // Before the first `---`, comments alone make no document; after one, an empty scalar.
        if (d > 0) {
          const root: LineNode = { line: this.separatorLines[d - 1], scalar: true };
          out.push({ value: null, root, mayBeKubernetes: false });
        }
        continue;
      }
      const first = this.lines[this.i];
      if (first.indent !== 0 || this.isSequenceItem(first, 0)) {
        outside();
      }
      const root = this.mapping(0, 0, false);
      if (this.i !== this.end) {
        outside();
      }
      const isString = (key: string) => root.node.map?.get(key)?.scalar === true;
      out.push({
        value: root.value,
        root: root.node,
        mayBeKubernetes: isString("apiVersion") && isString("kind"),
      });
    }
    return out;
  }

  private isSequenceItem(line: Line, col: number): boolean {
    return line.text.charCodeAt(col) === 45 && line.text.charCodeAt(col + 1) === 32;
  }

  /** Where the key that starts at `col` ends (its `:`), or -1 when the line holds no key there. */
  private keyEnd(text: string, col: number): number {
    if (text[col] === '"' || text[col] === "'") {
      const { end } = quoted(text, col);
      return text[end] === ":" && (end + 1 === text.length || text[end + 1] === " ") ? end : -1;
    }
    const limit = plainEnd(text, col);
    for (let at = text.indexOf(":", col); at !== -1 && at < limit; at = text.indexOf(":", at + 1)) {
      if (at + 1 === text.length || text[at + 1] === " ") {
        return at;
      }
    }
    return -1;
  }

  /**
   * A block mapping whose keys start at column `col`; with `inline`, the first key follows a
   * sequence item's `- ` on the current line.
   */
  private mapping(col: number, depth: number, inline: boolean): Parsed {
    if (depth >= MAX_NESTING - 1) {
      outside();
    }
    const out: Record<string, unknown> = {};
    const keyTypes = new Map<string, string>();
    const map = new Map<string, LineNode>();
    const node: LineNode = { line: this.lines[this.i].no, map };
    let first = inline;
    while (this.i < this.end) {
      const line = this.lines[this.i];
      if (!first && (line.indent !== col || this.isSequenceItem(line, col))) {
        break;
      }
      first = false;
      const { text } = line;
      const colon = this.keyEnd(text, col);
      if (colon === -1 || colon - col > MAX_KEY_LENGTH) {
        outside();
      }
      let written: string;
      let type: string;
      let name: string;
      if (text[col] === '"' || text[col] === "'") {
        written = quoted(text, col).value;
        if (written === "<<") {
          outside();
        }
        type = "str";
        name = written;
      } else {
        if (!plainStart(text, col) || text[colon - 1] === " ") {
          outside();
        }
        written = text.slice(col, colon);
        const resolved = resolvePlainScalar(written);
        if (
          written === "<<" ||
          resolved.type === "null" ||
          resolved.type === "merge" ||
          (typeof resolved.value === "number" && !Number.isFinite(resolved.value))
        ) {
          outside();
        }
        type = resolved.type;
        name = String(resolved.value);
      }
      const seen = keyTypes.get(name);
      if (seen !== undefined && seen !== type) {
        outside();
      }
      keyTypes.set(name, type);
      const entry = this.value(line, colon + 1, col, depth + 1);
      if (name === "__proto__") {
        Object.defineProperty(out, name, {
          value: entry.value,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      } else {
        out[name] = entry.value;
      }
      if (!map.has(written)) {
        map.set(written, entry.node);
      }
    }
    if (this.i < this.end && this.lines[this.i].indent > col) {
      outside();
    }
    return { value: out, node };
  }

  /** A block sequence whose `-` are at column `col`. */
  private sequence(col: number, depth: number): Parsed {
    if (depth >= MAX_NESTING - 1) {
      outside();
    }
    const out: unknown[] = [];
    const seq: LineNode[] = [];
    const node: LineNode = { line: this.lines[this.i].no, seq };
    while (this.i < this.end) {
      const line = this.lines[this.i];
      if (line.indent !== col || !this.isSequenceItem(line, col)) {
        break;
      }
      let at = col + 2;
      while (line.text.charCodeAt(at) === 32) {
        at++;
      }
      if (at === line.text.length || this.isSequenceItem(line, at) || line.text[at] === "-") {
        outside();
      }
      const item =
        this.keyEnd(line.text, at) === -1
          ? this.value(line, at, col, depth + 1)
          : this.mapping(at, depth + 1, true);
      out.push(item.value);
      seq.push(item.node);
    }
    if (this.i < this.end && this.lines[this.i].indent > col) {
      outside();
    }
    return { value: out, node };
  }

  /**
   * The value after a key's `:` (or a sequence item's `- `) at `from` on `line`, in a collection
   * at column `col`; a value on the lines below when the line ends there.
   */
  private value(line: Line, from: number, col: number, depth: number): Parsed {
    const { text } = line;
    let at = from;
    while (at < text.length && text.charCodeAt(at) === 32) {
      at++;
    }
    if (at === text.length || (text[at] === "#" && at > from)) {
      this.i++;
      const next = this.i < this.end ? this.lines[this.i] : undefined;
      if (next !== undefined && next.indent > col) {
        return this.isSequenceItem(next, next.indent)
          ? this.sequence(next.indent, depth)
          : this.mapping(next.indent, depth, false);
      }
      if (next !== undefined && next.indent === col && this.isSequenceItem(next, col)) {
        return this.sequence(col, depth);
      }
      return outside();
    }
    this.i++;
    const node: LineNode = { line: line.no, scalar: true };
    const c = text[at];
    if ((c === "{" || c === "[") && text[at + 1] === (c === "{" ? "}" : "]")) {
      if (!restIsBlank(text, at + 2)) {
        outside();
      }
      return c === "{"
        ? { value: {}, node: { line: line.no, map: new Map() } }
        : { value: [], node: { line: line.no, seq: [] } };
    }
    if (c === '"' || c === "'") {
      const { value, end } = quoted(text, at);
      if (!restIsBlank(text, end)) {
        outside();
      }
      return { value, node };
    }
    if (!plainStart(text, at)) {
      outside();
    }
    const end = plainEnd(text, at);
    const written = text.slice(at, end);
    if (written.includes(": ") || written.endsWith(":")) {
      outside();
    }
    const resolved = resolvePlainScalar(written);
    if (
      resolved.type === "merge" ||
      (typeof resolved.value === "number" && !Number.isFinite(resolved.value))
    ) {
      outside();
    }
    return { value: resolved.value, node };
  }
}

/**
 * The line of the node at `segments` below `root`, or of its nearest present parent, found as
 * `Document.getIn` finds nodes: mapping keys by written text (a number never matches one),
 * sequence items by a non-negative integer or a string of one.
 */
export function blockNearestLine(root: LineNode, segments: readonly (string | number)[]): number {
  let node = root;
  for (const segment of segments) {
    let next: LineNode | undefined;
    if (node.map !== undefined) {
      next = typeof segment === "string" ? node.map.get(segment) : undefined;
    } else if (node.seq !== undefined) {
      const index = typeof segment === "string" && segment !== "" ? Number(segment) : segment;
      next =
        typeof index === "number" && Number.isInteger(index) && index >= 0
          ? node.seq[index]
          : undefined;
    }
    if (next === undefined) {
      return node.line;
    }
    node = next;
  }
  return node.line;
}
