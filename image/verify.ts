import { Finding } from "../rules/finding";
import { evaluateImage, ImageViolation } from "../rules/image/evaluate";
import { ImageRuleOptions } from "../rules/image/image-rule";
import { ImageModel } from "../rules/image/model";
import { verifyRuntime } from "./runtime/verify-runtime";
import { ImageSource, readImage, ReadImageOptions, sourceName } from "./source";

/** Options of `verifyImage`. */
export interface VerifyImageOptions extends ReadImageOptions {
  /** Settings of the image rules. */
  readonly rules?: ImageRuleOptions;
  /**
   * Also run the image in the local Docker engine and apply the runtime rules.
   * @default false
   */
  readonly runtime?: boolean;
}

/** The image read and what the rules found. */
export interface ImageVerification {
  /** The image as read. */
  readonly model: ImageModel;
  /** Findings of the static rules, then of the runtime rules when they ran. */
  readonly findings: Finding[];
}

/** Turns image-rule violations into findings about `file`. */
export function imageFindings(violations: readonly ImageViolation[], file: string): Finding[] {
  return violations.map((v) => ({
    ruleId: v.ruleId,
    severity: v.severity,
    message: v.message,
    path: v.path,
    container: null,
    file,
  }));
}

/** Reads an image and applies the static image rules, then the runtime ones when asked. */
export async function verifyImage(
  source: ImageSource,
  options: VerifyImageOptions,
): Promise<ImageVerification> {
  const model = await readImage(source, options);
  const violations = evaluateImage(model, options.rules);
  if (options.runtime === true) {
    violations.push(...(await verifyRuntime(source, model)));
  }
  return { model, findings: imageFindings(violations, sourceName(source)) };
}
