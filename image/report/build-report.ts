import { evaluateImage } from "../../rules/image/evaluate";
import { ImageModel } from "../../rules/image/model";
import { imageFindings } from "../verify";
import { checkLines } from "./checks";
import { HardeningReport, summarizeImage, VulnerabilitySection } from "./hardening-report";
import { modelInventory, packageSection } from "./package-section";
import { scanWithTrivy, trivyAvailable, TrivyError } from "./trivy";

/** Runs Trivy on the images when it is on PATH; otherwise says plainly that no scan ran. */
async function vulnerabilities(
  image: string,
  before: string | undefined,
): Promise<VulnerabilitySection> {
  if (!(await trivyAvailable())) {
    return { scanner: null, note: "trivy is not on PATH" };
  }
  try {
    return {
      scanner: "trivy",
      after: await scanWithTrivy(image),
      ...(before !== undefined ? { before: await scanWithTrivy(before) } : {}),
    };
  } catch (error) {
    if (error instanceof TrivyError) {
      return { scanner: null, note: error.message };
    }
    throw error;
  }
}

/**
 * Builds the hardening report of `model` (and of `before`, when given) from the static image rules,
 * the package inventories read from the layers and, when Trivy is on PATH, its scans. `date` is the day it is made.
 */
export async function buildReport(
  model: ImageModel,
  before: ImageModel | undefined,
  date: Date,
): Promise<HardeningReport> {
  const findings = imageFindings(evaluateImage(model), model.source);
  return {
    image: summarizeImage(model),
    ...(before !== undefined ? { before: summarizeImage(before) } : {}),
    date: date.toISOString().slice(0, 10),
    checks: checkLines(model, findings),
    findings,
    vulnerabilities: await vulnerabilities(model.source, before?.source),
    packages: packageSection(
      modelInventory(model),
      before === undefined ? undefined : modelInventory(before),
    ),
  };
}
