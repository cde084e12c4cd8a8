import { writeFileSync } from "fs";
import { modelPackages } from "../../image/report/package-section";
import { cycloneDxSbom } from "../../image/report/sbom";
import { ImageModel } from "../../rules/image/model";
import { InputError } from "../../shared/input-error";
import { toolVersion } from "../tool-version";

/**
 * Writes the CycloneDX 1.5 JSON SBOM of the packages installed in `model` to `file` (the
 * `--sbom` option of `hardened report` and `hardened verify`); an unwritable file is an
 * `InputError` naming it.
 */
export function writeSbom(file: string, model: ImageModel, date: Date): void {
  const sbom = cycloneDxSbom(model, modelPackages(model), { date, toolVersion: toolVersion() });
  try {
    writeFileSync(file, `${JSON.stringify(sbom, null, 2)}\n`);
  } catch (error) {
    throw new InputError(`--sbom ${file}: ${(error as Error).message}`);
  }
}
