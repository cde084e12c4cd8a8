import { SecretValue, UNKNOWN } from "./analyzer/properties";

/** The field paths (dot-joined) of every value in `properties` that is not known yet. */
export function unknownPaths(properties: unknown, prefix = ""): string[] {
  if (properties === UNKNOWN) {
    return [prefix];
  }
  if (properties instanceof SecretValue) {
    return unknownPaths(properties.value, prefix);
  }
  if (typeof properties !== "object" || properties === null) {
    return [];
  }
  return Object.entries(properties).flatMap(([key, value]) =>
    unknownPaths(
      value,
      Array.isArray(properties) ? `${prefix}[${key}]` : prefix ? `${prefix}.${key}` : key,
    ),
  );
}
