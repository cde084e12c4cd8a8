/*
 * Defensive readers for user-supplied values (manifests, resource inputs). A field may hold a value
 * of the wrong type; the rules treat such a value as unset rather than throw.
 */

/** Whether `value` is a plain object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `value` when it is a plain object, otherwise undefined. */
export function recordOf(value: unknown): Readonly<Record<string, unknown>> | undefined {
  return isRecord(value) ? value : undefined;
}

/** `value` when it is an array, otherwise an empty list. */
export function listOf(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

/** `value` when it is a string, otherwise undefined. */
export function stringOf(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/** `value` when it is a boolean, otherwise undefined. */
export function booleanOf(value: unknown): boolean | undefined {
  return typeof value === "boolean" ? value : undefined;
}

/** `value` when it is a number, otherwise undefined. */
export function numberOf(value: unknown): number | undefined {
  return typeof value === "number" ? value : undefined;
}

/** How a value is shown in a message: JSON for a set value, `unset` for a missing one. */
export function describe(value: unknown): string {
  return value === undefined || value === null ? "unset" : JSON.stringify(value);
}
