import { readFileSync } from "fs";
import { join } from "path";
import Ajv, { ValidateFunction } from "ajv";
import addFormats from "ajv-formats";

const SCHEMAS = join(
  require.resolve("@cyclonedx/cyclonedx-library/package.json"),
  "..",
  "res",
  "schema",
);

let validate: ValidateFunction | undefined;

/**
 * Validates `bom` against the official CycloneDX 1.5 JSON schema (with the SPDX and JSF schemas
 * it references), as shipped by `@cyclonedx/cyclonedx-library`; returns ajv's errors, or null.
 */
export function cycloneDx15Errors(bom: unknown): unknown {
  if (validate === undefined) {
    const load = (file: string) =>
      JSON.parse(readFileSync(join(SCHEMAS, file), "utf8")) as Record<string, unknown>;
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    // ajv-formats lacks the draft 2019 internationalized formats; no field the SBOM writes uses them
    ajv.addFormat("iri-reference", true);
    ajv.addFormat("idn-email", true);
    for (const file of ["spdx.SNAPSHOT.schema.json", "jsf-0.82.SNAPSHOT.schema.json"]) {
      ajv.addSchema({ ...load(file), $id: `http://cyclonedx.org/schema/${file}` });
    }
    validate = ajv.compile(load("bom-1.5.SNAPSHOT.schema.json"));
  }
  return validate(bom) ? null : validate.errors;
}
