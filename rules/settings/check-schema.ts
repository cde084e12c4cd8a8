import { didYouMean } from "./did-you-mean";
import { SettingError } from "./setting-error";

/**
 * The part of JSON schema the settings are written in: the same fragment is published to the
 * Pulumi engine (which validates the pack's config with it) and checked here, for the CLI config,
 * the pack and the components alike.
 */
export interface SchemaNode {
  readonly type?: "string" | "integer" | "array" | "object";
  readonly enum?: readonly string[];
  readonly pattern?: string;
  readonly minLength?: number;
  readonly minimum?: number;
  readonly items?: SchemaNode;
  readonly uniqueItems?: boolean;
  readonly properties?: Readonly<Record<string, SchemaNode>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean;
  readonly oneOf?: readonly SchemaNode[];
  readonly description?: string;
}

/**
 * What a `pattern` of the settings allows, in words, for error messages. A pattern missing here
 * is quoted as is.
 */
export type PatternTexts = Readonly<Record<string, string>>;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function quoted(values: readonly string[]): string {
  return values.map((v) => JSON.stringify(v)).join(", ");
}

/** What `node` allows, in words: `an integer of 1 or more`, `one of "a", "b"`, `a list of …`. */
export function expectedOf(node: SchemaNode, patterns: PatternTexts = {}): string {
  if (node.oneOf !== undefined) {
    return node.oneOf.map((n) => expectedOf(n, patterns)).join(" or ");
  }
  if (node.enum !== undefined) {
    return node.enum.length === 1 ? quoted(node.enum) : `one of ${quoted(node.enum)}`;
  }
  switch (node.type) {
    case "string":
      if (node.pattern !== undefined) {
        return patterns[node.pattern] ?? `a string matching ${node.pattern}`;
      }
      return (node.minLength ?? 0) > 0 ? "a non-empty string" : "a string";
    case "integer":
      return node.minimum === undefined ? "an integer" : `an integer of ${node.minimum} or more`;
    case "array":
      return node.items === undefined
        ? "a list"
        : `a list of ${listItems(node.items, patterns)}${node.uniqueItems ? ", each once" : ""}`;
    case "object": {
      const required = node.required ?? [];
      return required.length === 0
        ? "an object"
        : `an object with ${required.map((k) => JSON.stringify(k)).join(" and ")}`;
    }
    default:
      return "a value";
  }
}

function listItems(items: SchemaNode, patterns: PatternTexts): string {
  if (items.enum !== undefined) {
    return `values among ${quoted(items.enum)}`;
  }
  if (items.type === "string" && items.pattern === undefined) {
    return (items.minLength ?? 0) > 0 ? "non-empty strings" : "strings";
  }
  if (items.type === "object") {
    return "objects";
  }
  return `items each ${expectedOf(items, patterns)}`;
}

function hasType(node: SchemaNode, value: unknown): boolean {
  switch (node.type) {
    case "string":
      return typeof value === "string";
    case "integer":
      return typeof value === "number" && Number.isInteger(value);
    case "array":
      return Array.isArray(value);
    case "object":
      return isObject(value);
    default:
      return true;
  }
}

/** The first wrong value found: its path and what was given and what is allowed. */
type Problem = readonly [field: string, problem: string];

/**
 * Checks `value` against `node` as a JSON schema validator would, field by field. Throws a
 * {@link SettingError} for the first wrong value, naming its path under `field`, what was given
 * and what is allowed; an unknown key of an object that allows none is named with the closest
 * known one.
 */
export function checkSchema(
  node: SchemaNode,
  value: unknown,
  field: string,
  patterns: PatternTexts = {},
): void {
  const problem = problemOf(node, value, field, patterns);
  if (problem !== undefined) {
    throw new SettingError(problem[0], problem[1]);
  }
}

/** {@link checkSchema} without throwing (the pack reads settings on every validation). */
function problemOf(
  node: SchemaNode,
  value: unknown,
  field: string,
  patterns: PatternTexts,
): Problem | undefined {
  const wrong = (): Problem => [
    field,
    `got ${JSON.stringify(value)}; expected ${expectedOf(node, patterns)}`,
  ];
  if (node.oneOf !== undefined) {
    const problems = node.oneOf.map((n) => problemOf(n, value, field, patterns));
    const matching = problems.filter((p) => p === undefined).length;
    if (matching === 0) {
      // When one alternative fits the value's shape, its own problem says best what is wrong.
      const fitting = node.oneOf.flatMap((n, i) =>
        hasType(n, value) &&
        (n.required ?? []).every((k) => (value as Record<string, unknown>)[k] !== undefined)
          ? [problems[i]]
          : [],
      );
      return fitting.length === 1 ? fitting[0] : wrong();
    }
    if (matching > 1) {
      return wrong();
    }
  }
  if (!hasType(node, value)) {
    return wrong();
  }
  if (node.enum !== undefined && !node.enum.includes(value as string)) {
    return wrong();
  }
  if (
    typeof value === "string" &&
    ((node.minLength !== undefined && [...value].length < node.minLength) ||
      (node.pattern !== undefined && !matchesPattern(node.pattern, value)))
  ) {
    return wrong();
  }
  if (typeof value === "number" && node.minimum !== undefined && value < node.minimum) {
    return wrong();
  }
  if (Array.isArray(value)) {
    return arrayProblem(node, value, field, patterns);
  }
  return isObject(value) ? objectProblem(node, value, field, patterns) : undefined;
}

function arrayProblem(
  node: SchemaNode,
  value: readonly unknown[],
  field: string,
  patterns: PatternTexts,
): Problem | undefined {
  for (const [i, item] of value.entries()) {
    const problem =
      node.items === undefined
        ? undefined
        : problemOf(node.items, item, `${field}[${i}]`, patterns);
    if (problem !== undefined) {
      return problem;
    }
    if (node.uniqueItems && value.findIndex((other) => sameJson(other, item)) < i) {
      return [
        `${field}[${i}]`,
        `${JSON.stringify(item)} is listed twice; expected each value once`,
      ];
    }
  }
  return undefined;
}

const PATTERNS = new Map<string, RegExp>();

function matchesPattern(pattern: string, value: string): boolean {
  let regex = PATTERNS.get(pattern);
  if (regex === undefined) {
    regex = new RegExp(pattern, "u");
    PATTERNS.set(pattern, regex);
  }
  return regex.test(value);
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function objectProblem(
  node: SchemaNode,
  value: Readonly<Record<string, unknown>>,
  field: string,
  patterns: PatternTexts,
): Problem | undefined {
  const properties = node.properties ?? {};
  const known = Object.keys(properties);
  if (node.additionalProperties === false) {
    const unknown = Object.keys(value).find((key) => !known.includes(key));
    if (unknown !== undefined) {
      return [
        `${field}.${unknown}`,
        `unknown key; expected one of ${known.join(", ")}${didYouMean(unknown, known)}`,
      ];
    }
  }
  for (const key of node.required ?? []) {
    if (value[key] === undefined) {
      return [
        `${field}.${key}`,
        `missing; expected ${properties[key] === undefined ? "a value" : expectedOf(properties[key], patterns)}`,
      ];
    }
  }
  for (const [key, child] of Object.entries(properties)) {
    if (value[key] !== undefined) {
      const problem = problemOf(child, value[key], `${field}.${key}`, patterns);
      if (problem !== undefined) {
        return problem;
      }
    }
  }
  return undefined;
}
