import { parseDocument } from "yaml";
import { isRecord, listOf, stringOf } from "../rules/read";

/** A path written in a kustomization, or undefined for a URL, an inline patch or a non-string. */
function localPath(value: unknown): string | undefined {
  const path = stringOf(value);
  if (path === undefined || path.includes("\n") || /^[a-z][a-z0-9+.-]*:\/\//i.test(path)) {
    return undefined;
  }
  return path.trim() === "" ? undefined : path;
}

/** `key=path` or `path`, as configMapGenerator and secretGenerator `files` entries are written. */
function generatorFile(value: unknown): string | undefined {
  const entry = stringOf(value);
  return localPath(entry?.includes("=") ? entry.slice(entry.indexOf("=") + 1) : entry);
}

/**
 * The local paths a kustomization file names, relative to its directory: `resources`, `bases`,
 * `components`, `crds`, `patchesStrategicMerge`, `transformers`, `generators` and `validators`
 * entries; the `path` of `patches`, `patchesJson6902` and `replacements` entries and of
 * `openapi`; the `files`, `envs` and `env` of generators. URLs and inline patches are left out.
 * Text that does not parse yields no path (the renderer reports it).
 */
export function kustomizationReferences(text: string): string[] {
  let doc: unknown;
  try {
    const parsed = parseDocument(text, { logLevel: "silent" });
    doc = parsed.errors.length > 0 ? undefined : parsed.toJS();
  } catch {
    return [];
  }
  if (!isRecord(doc)) {
    return [];
  }
  const lists = [
    "resources",
    "bases",
    "components",
    "crds",
    "patchesStrategicMerge",
    "transformers",
    "generators",
    "validators",
  ].flatMap((key) => listOf(doc[key]).map(localPath));
  const paths = ["patches", "patchesJson6902", "replacements"].flatMap((key) =>
    listOf(doc[key]).map((entry) => (isRecord(entry) ? localPath(entry.path) : undefined)),
  );
  const openapi = isRecord(doc.openapi) ? [localPath(doc.openapi.path)] : [];
  const generated = ["configMapGenerator", "secretGenerator"].flatMap((key) =>
    listOf(doc[key]).flatMap((generator) =>
      isRecord(generator)
        ? [
            ...listOf(generator.files).map(generatorFile),
            ...listOf(generator.envs).map(localPath),
            localPath(generator.env),
          ]
        : [],
    ),
  );
  return [...lists, ...paths, ...openapi, ...generated].filter((p): p is string => p !== undefined);
}
