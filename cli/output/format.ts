import { InputError } from "../../shared/input-error";

/** How findings are printed. */
export type OutputFormat = "text" | "json" | "sarif" | "junit" | "github";

/** Every output format. */
export const OUTPUT_FORMATS: readonly OutputFormat[] = ["text", "json", "sarif", "junit", "github"];

/** Returns the format named by `value`, or throws an `InputError` listing the allowed ones. */
export function parseOutputFormat(value: string): OutputFormat {
  if ((OUTPUT_FORMATS as readonly string[]).includes(value)) {
    return value as OutputFormat;
  }
  throw new InputError(`--format "${value}" is not one of ${OUTPUT_FORMATS.join(", ")}`);
}
