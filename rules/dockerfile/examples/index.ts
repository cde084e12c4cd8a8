import { RuleExample } from "../../example";
import { BASE_IMAGE_EXAMPLES } from "./base-images";
import { PACKAGE_EXAMPLES } from "./packages";
import { RUNTIME_EXAMPLES } from "./runtime";
import { SECRET_EXAMPLES } from "./secrets";

/** The examples of the Dockerfile rules, by rule id. */
export const DOCKERFILE_EXAMPLES: Readonly<Record<string, RuleExample>> = {
  ...BASE_IMAGE_EXAMPLES,
  ...RUNTIME_EXAMPLES,
  ...SECRET_EXAMPLES,
  ...PACKAGE_EXAMPLES,
};
