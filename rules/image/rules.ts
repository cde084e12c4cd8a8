import { RuntimeImageRule } from "./runtime/runtime-rule";
import { RUNTIME_IMAGE_RULES } from "./runtime/rules";
import { ImageRule } from "./image-rule";
import { STATIC_IMAGE_RULES } from "./static-rules";

/** Every built-image rule: the static ones, then the runtime ones. */
export const IMAGE_RULES: readonly (ImageRule | RuntimeImageRule)[] = [
  ...STATIC_IMAGE_RULES,
  ...RUNTIME_IMAGE_RULES,
];
