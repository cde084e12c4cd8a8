import { RuleMetadata } from "../rule";

/** Every built-image rule. */
export const IMAGE_RULES: readonly RuleMetadata[] = [];
