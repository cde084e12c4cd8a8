import { RuleExample } from "../../example";
import { RUNTIME_IMAGE_EXAMPLES } from "./runtime";
import { STATIC_IMAGE_EXAMPLES } from "./static";

/** The examples of the built-image rules, by rule id. */
export const IMAGE_EXAMPLES: Readonly<Record<string, RuleExample>> = {
  ...STATIC_IMAGE_EXAMPLES,
  ...RUNTIME_IMAGE_EXAMPLES,
};
