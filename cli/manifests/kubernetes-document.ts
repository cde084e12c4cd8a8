import { Document } from "yaml";
import { InputError } from "../../shared/input-error";
import { InputFile } from "../input-files";
import { YamlDecodeError, decodeKubernetesYaml } from "./decode-yaml";
import {
  FieldTypeError,
  validateFieldTypes,
} from "../../rules/kubernetes/field-types/validate-field-types";

/** The largest manifest file `hardened check` reads: 32 MiB. */
export const MAX_MANIFEST_BYTES = 32 * 1024 * 1024;

/** Refuses a file over `MAX_MANIFEST_BYTES` with an `InputError`, before any YAML is parsed. */
export function checkManifestSize(input: InputFile): void {
  const bytes = Buffer.byteLength(input.text, "utf8");
  if (bytes > MAX_MANIFEST_BYTES) {
    throw new InputError(
      `${input.file}: ${bytes} bytes, over the ${MAX_MANIFEST_BYTES}-byte limit for one manifest file; split it`,
    );
  }
}

function located(where: string, prefix: string, path: string): string {
  const full = prefix === "" ? path : path === "" ? prefix : `${prefix}.${path}`;
  return full === "" ? where : `${where}: ${full}`;
}

/**
 * The JSON value kubectl and the API server make of a parsed YAML document
 * (`decodeKubernetesYaml`). What they cannot decode is an `InputError` that starts with `where`
 * (the file and document index) and names the field.
 */
export function decodeDocument(doc: Document, where: string): unknown {
  try {
    return decodeKubernetesYaml(doc);
  } catch (error) {
    if (error instanceof YamlDecodeError) {
      throw new InputError(`${located(where, "", error.path)}: ${error.message}`);
    }
    throw error;
  }
}

/**
 * Refuses an object the API server would reject for a field of the wrong type
 * (`validateFieldTypes`): an `InputError` naming `where`, the field path (after `prefix`, e.g.
 * `items[2]`), what was expected and what was found.
 */
export function checkFieldTypes(
  object: Readonly<Record<string, unknown>>,
  where: string,
  prefix: string,
): void {
  try {
    validateFieldTypes(object);
  } catch (error) {
    if (error instanceof FieldTypeError) {
      throw new InputError(
        `${located(where, prefix, error.path)}: ${error.message}; the API server rejects this object`,
      );
    }
    throw error;
  }
}
