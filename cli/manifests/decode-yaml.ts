import { Alias, Document, Node, Pair, Scalar, isAlias, isMap, isPair, isScalar, isSeq } from "yaml";
import { fieldPath } from "../../rules/field-path";
import { ResolvedScalar, resolvePlainScalar } from "./yaml-scalar";

/** Most nodes that aliases may expand to in one document (an alias bomb stops here). */
export const MAX_ALIAS_EXPANSION = 1_000_000;

/** Deepest nesting of mappings and sequences read in one document. */
export const MAX_NESTING = 500;

/** A document that Kubernetes could not turn into JSON, with the field where that happened. */
export class YamlDecodeError extends Error {
  constructor(
    /** Field path of the offending node (`""` for the document itself). */
    readonly path: string,
    message: string,
  ) {
    super(message);
    this.name = "YamlDecodeError";
  }
}

const TAG = "tag:yaml.org,2002:";

type Segment = string | number;

function article(type: string): string {
  return `${/^[aeiou]/.test(type) ? "an" : "a"} ${type}`;
}

class Decoder {
  private expanded = 0;
  private readonly active = new Set<Node>();

  constructor(private readonly doc: Document) {}

  fail(path: readonly Segment[], message: string): never {
    throw new YamlDecodeError(fieldPath("", ...path), message);
  }

  scalar(node: Scalar, path: readonly Segment[]): ResolvedScalar {
    const text = typeof node.source === "string" ? node.source : String(node.value ?? "");
    const tag = node.tag;
    if (tag === undefined) {
      return node.type === "PLAIN" || node.type === undefined
        ? resolvePlainScalar(text)
        : { type: "str", value: text };
    }
    switch (tag) {
      case `${TAG}bool`:
      case `${TAG}int`:
      case `${TAG}float`:
      case `${TAG}null`: {
        const want = tag.slice(TAG.length);
        const got = resolvePlainScalar(text);
        if (got.type === want || (want === "float" && got.type === "int")) {
          return got;
        }
        return this.fail(path, `cannot decode ${JSON.stringify(text)} as !!${want}`);
      }
      case `${TAG}merge`:
        return text === "<<" ? { type: "merge", value: "<<" } : { type: "str", value: text };
      case `${TAG}binary`:
        return { type: "str", value: Buffer.from(text.replace(/\s/g, ""), "base64").toString() };
      default:
        return { type: "str", value: text };
    }
  }

  scalarValue(node: Scalar, path: readonly Segment[]): unknown {
    const resolved = this.scalar(node, path);
    if (typeof resolved.value === "number" && !Number.isFinite(resolved.value)) {
      return this.fail(path, "an infinite or NaN number has no JSON form");
    }
    return resolved.type === "merge" ? "<<" : resolved.value;
  }

  target(alias: Alias, path: readonly Segment[]): Node {
    const node = alias.resolve(this.doc);
    if (!node) {
      return this.fail(path, `undefined alias *${alias.source}`);
    }
    if (this.active.has(node)) {
      return this.fail(path, `alias *${alias.source} contains itself`);
    }
    return node;
  }

  value(node: unknown, path: Segment[], inAlias: boolean): unknown {
    if (inAlias && ++this.expanded > MAX_ALIAS_EXPANSION) {
      return this.fail(path, `aliases expand to more than ${MAX_ALIAS_EXPANSION} nodes`);
    }
    if (node === null || node === undefined) {
      return null;
    }
    if (isAlias(node)) {
      return this.value(this.target(node, path), path, true);
    }
    if (isScalar(node)) {
      return this.scalarValue(node, path);
    }
    if (path.length >= MAX_NESTING) {
      return this.fail(path.slice(0, 4), `nested deeper than ${MAX_NESTING} levels`);
    }
    this.active.add(node as Node);
    try {
      if (isSeq(node)) {
        return node.items.map((item, i) => this.value(item, [...path, i], inAlias));
      }
      if (isMap(node)) {
        const out: Record<string, unknown> = {};
        this.mapInto(node.items, out, new Map(), path, inAlias);
        return out;
      }
    } finally {
      this.active.delete(node as Node);
    }
    return this.fail(path, "unsupported YAML node");
  }

  key(node: unknown, path: readonly Segment[]): ResolvedScalar {
    const target = isAlias(node) ? this.target(node, path) : node;
    if (target === null || target === undefined) {
      return this.fail(path, "a mapping key is null");
    }
    if (!isScalar(target)) {
      return this.fail(path, "a mapping key is not a scalar");
    }
    return this.scalar(target, path);
  }

  mapInto(
    pairs: readonly unknown[],
    out: Record<string, unknown>,
    keyTypes: Map<string, string>,
    path: Segment[],
    inAlias: boolean,
  ): void {
    for (const pair of pairs) {
      if (!isPair(pair)) {
        continue;
      }
      const key = this.key((pair as Pair).key, path);
      if (key.type === "merge" && isScalar(pair.key)) {
        this.merge(pair.value, out, keyTypes, path, inAlias);
        continue;
      }
      if (key.type === "null") {
        return this.fail(path, "a mapping key is null");
      }
      if (typeof key.value === "number" && !Number.isFinite(key.value)) {
        return this.fail(path, "a mapping key is an infinite or NaN number");
      }
      const name = String(key.value);
      const seen = keyTypes.get(name);
      if (seen !== undefined && seen !== key.type) {
        return this.fail(
          path,
          `key ${JSON.stringify(name)} is written both as ${article(seen)} and as ${article(key.type)}`,
        );
      }
      keyTypes.set(name, key.type);
      Object.defineProperty(out, name, {
        value: this.value(pair.value, [...path, name], inAlias),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
  }

  mergeSource(node: unknown, path: Segment[]): { node: Node; viaAlias: boolean } {
    const viaAlias = isAlias(node);
    const target = isAlias(node) ? this.target(node, path) : node;
    if (!isMap(target)) {
      return this.fail(path, "a merge key (<<) needs a mapping or a list of mappings");
    }
    return { node: target, viaAlias };
  }

  merge(
    value: unknown,
    out: Record<string, unknown>,
    keyTypes: Map<string, string>,
    path: Segment[],
    inAlias: boolean,
  ): void {
    const target = isAlias(value) ? this.target(value, path) : value;
    const sources = isSeq(target)
      ? [...target.items].reverse().map((item) => this.mergeSource(item, path))
      : [this.mergeSource(value, path)];
    for (const source of sources) {
      const items = isMap(source.node) ? source.node.items : [];
      this.active.add(source.node);
      try {
        this.mapInto(items, out, keyTypes, path, inAlias || source.viaAlias || isAlias(value));
      } finally {
        this.active.delete(source.node);
      }
    }
  }
}

/**
 * Turns a parsed YAML document into the JSON value that `sigs.k8s.io/yaml` (and so kubectl and
 * the API server) makes of it: YAML 1.1 scalars, merge keys applied in document order (a later
 * key wins over an earlier one, merged or not), duplicate keys last-wins, keys as strings.
 * Throws `YamlDecodeError` naming the field for what Kubernetes cannot convert (undefined
 * aliases, null or collection keys, infinite numbers) and for alias bombs and deep nesting.
 */
export function decodeKubernetesYaml(doc: Document): unknown {
  return new Decoder(doc).value(doc.contents, [], false);
}
