import { Document, LineCounter, Node, isMap, isNode, isScalar, parseAllDocuments } from "yaml";
import { fieldPath, parseFieldPath } from "../../rules/field-path";
import { KubernetesObject } from "../../rules/kubernetes/types";
import { isRecord } from "../../rules/read";
import { InputError } from "../../shared/input-error";
import { InputFile } from "../input-files";
import { blockNearestLine, readBlockYaml } from "./block-yaml";
import { checkFieldTypes, checkManifestSize, decodeDocument } from "./kubernetes-document";

/** One Kubernetes object read from a manifest file. */
export interface ManifestObject {
  /** The file it came from (`-` for standard input). */
  readonly file: string;
  /** Zero-based index of its YAML document in the file. */
  readonly document: number;
  /** The object. */
  readonly object: KubernetesObject;
  /** Path of the object inside its document: `""`, or `items[3]` for a `List` item. */
  readonly pathPrefix: string;
  /** The one-based line of `path` (relative to the object), or of its nearest present parent. */
  readonly lineOf: (path: string) => number;
}

/** One YAML document of a file, as either reader read it. */
export interface ReadDocument {
  /** The first parse error, if the document does not parse. */
  readonly error?: { readonly line?: number; readonly message: string };
  /** The document has no contents at all (not even an empty scalar). */
  readonly isNull: boolean;
  /** See `mayBeKubernetes`. */
  readonly mayBeKubernetes: boolean;
  /** The JSON value of the document (`decodeDocument`). */
  decode(where: string): unknown;
  /** The line of the node at `segments` or of its nearest present parent; 1 when there is none. */
  nearestLine(segments: readonly (string | number)[]): number;
}

function lineFinder(
  nearestLine: ReadDocument["nearestLine"],
  prefix: readonly (string | number)[],
) {
  return (path: string): number => nearestLine([...prefix, ...parseFieldPath(path)]);
}

/**
 * Whether a document, before decoding, may be a Kubernetes object: a mapping with scalar
 * `apiVersion` and `kind`, or one with a merge key that could supply them. Documents found while
 * walking that cannot be are skipped undecoded, so a templated or exotic config file (mapping
 * keys that are not scalars) never stops a directory scan.
 */
function mayBeKubernetes(doc: Document): boolean {
  if (!isMap(doc.contents)) {
    return false;
  }
  if (doc.contents.items.some((pair) => isScalar(pair.key) && pair.key.value === "<<")) {
    return true;
  }
  return typeof doc.get("apiVersion") === "string" && typeof doc.get("kind") === "string";
}

/**
 * The documents as the `yaml` library reads them: all of YAML, with its errors. `readBlockYaml`
 * must read every text it accepts exactly as this does.
 */
export function readWithYaml(text: string): ReadDocument[] {
  const counter = new LineCounter();
  const docs = parseAllDocuments(text, {
    lineCounter: counter,
    uniqueKeys: false,
    schema: "failsafe",
    logLevel: "error",
  });
  return (Array.isArray(docs) ? docs : [docs]).map((doc: Document) => {
    const error = doc.errors[0];
    return {
      ...(error
        ? { error: { line: error.linePos?.[0].line, message: error.message.split("\n")[0] } }
        : {}),
      isNull: doc.contents === null,
      get mayBeKubernetes() {
        return mayBeKubernetes(doc);
      },
      decode: (where: string) => decodeDocument(doc, where),
      nearestLine: (segments: readonly (string | number)[]) => {
        for (let n = segments.length; n >= 0; n--) {
          const node = doc.getIn(segments.slice(0, n), true) as Node | undefined;
          if (isNode(node) && node.range) {
            return counter.linePos(node.range[0]).line;
          }
        }
        return 1;
      },
    };
  });
}

/**
 * The documents of `text`: read by `readBlockYaml` when the text is in the block subset nearly
 * every manifest is written in (the same values and lines, several times faster), else by `yaml`.
 */
function readDocuments(text: string): ReadDocument[] {
  const block = readBlockYaml(text);
  if (block === undefined) {
    return readWithYaml(text);
  }
  return block.map((doc) => ({
    isNull: false,
    mayBeKubernetes: doc.mayBeKubernetes,
    decode: () => doc.value,
    nearestLine: (segments: readonly (string | number)[]) => blockNearestLine(doc.root, segments),
  }));
}

/**
 * Parses every YAML (or JSON) document of a file into Kubernetes objects, decoded as kubectl and
 * the API server decode them (`decodeDocument`: YAML 1.1 scalars such as `yes` and `0b0`, merge
 * keys, duplicate keys last-wins); a field of a type the API server rejects is an `InputError`
 * naming the file, document and field (`checkFieldTypes`); a file over `MAX_MANIFEST_BYTES` is
 * refused before it is parsed. Empty documents are skipped; `List` kinds (`List`,
 * `DeploymentList`, …) contribute their items, also when nested in a `List`. A document that
 * does not parse is an `InputError` naming the file and the document's index. A document that is
 * not an object with a string `kind` is an `InputError` too when the file was named explicitly;
 * in a file found by walking a directory, a document without a string `apiVersion` and `kind` is
 * handed to `notKubernetes` instead. The parser never writes warnings to stderr.
 */
export function parseManifests(
  input: InputFile,
  notKubernetes: (document: number) => void = () => undefined,
): ManifestObject[] {
  checkManifestSize(input);
  const out: ManifestObject[] = [];
  readDocuments(input.text).forEach((doc, index) => {
    const where = `${input.file}: document ${index}`;
    const error = doc.error;
    if (error) {
      const line = error.line;
      throw new InputError(
        `${where}${line ? ` (line ${line})` : ""}: malformed YAML: ${error.message}`,
      );
    }
    if (input.explicit === false && !doc.isNull && !doc.mayBeKubernetes) {
      notKubernetes(index);
      return;
    }
    const value = doc.decode(where);
    if (value === null || value === undefined) {
      return;
    }
    if (
      input.explicit === false &&
      (!isRecord(value) || typeof value.kind !== "string" || typeof value.apiVersion !== "string")
    ) {
      notKubernetes(index);
      return;
    }
    if (!isRecord(value) || typeof value.kind !== "string") {
      throw new InputError(
        `${where}: not a Kubernetes object (expected a mapping with a string "kind")`,
      );
    }
    const add = (object: Record<string, unknown>, segments: (string | number)[]): void => {
      const prefix = fieldPath("", ...segments);
      const kind = String(object.kind);
      if (kind === "List" || (kind.endsWith("List") && Array.isArray(object.items))) {
        if (!Array.isArray(object.items)) {
          throw new InputError(
            `${where}: ${prefix === "" ? "" : `${prefix}: `}${kind} has no "items" list`,
          );
        }
        object.items.forEach((item: unknown, i: number) => {
          if (!isRecord(item) || typeof item.kind !== "string") {
            throw new InputError(
              `${where}: ${fieldPath(prefix, "items", i)} is not a Kubernetes object (expected a mapping with a string "kind")`,
            );
          }
          add(item, [...segments, "items", i]);
        });
        return;
      }
      checkFieldTypes(object, where, prefix);
      out.push({
        file: input.file,
        document: index,
        object: object as KubernetesObject,
        pathPrefix: prefix,
        lineOf: lineFinder(doc.nearestLine, segments),
      });
    };
    add(value, []);
  });
  return out;
}
