import { Violation } from "../rule";
import { imageFilesystem } from "./filesystem";
import { ImageRule, ImageRuleOptions } from "./image-rule";
import { ImageModel } from "./model";
import { STATIC_IMAGE_RULES } from "./static-rules";

/** A violation with the id and severity of the rule that found it. */
export interface ImageViolation extends Violation {
  /** The rule's id. */
  readonly ruleId: string;
  /** The rule's severity. */
  readonly severity: ImageRule["severity"];
}

/** Runs the built-image rules (every static one by default) over one image. */
export function evaluateImage(
  model: ImageModel,
  options: ImageRuleOptions = {},
  rules: readonly ImageRule[] = STATIC_IMAGE_RULES,
): ImageViolation[] {
  const context = { model, fs: imageFilesystem(model), options };
  return rules.flatMap((rule) =>
    rule.check(context).map((v) => ({ ...v, ruleId: rule.id, severity: rule.severity })),
  );
}
