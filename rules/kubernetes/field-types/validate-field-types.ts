import { fieldPath } from "../../field-path";
import { isRecord } from "../../read";
import { knownOrUndefined } from "../../unknown";
import { ANY_OBJECT_SCHEMA, FieldType, WORKLOAD_SCHEMAS } from "./workload-schema";

/** A field whose value the API server would not accept for its type. */
export class FieldTypeError extends Error {
  constructor(
    /** Field path of the value, e.g. `spec.containers[0].securityContext.runAsUser`. */
    readonly path: string,
    message: string,
  ) {
    super(message);
    this.name = "FieldTypeError";
  }
}

/**
 * Where a value is: its key under its parent's place, the root's place being null. The path
 * string is made only for an error (`pathOf`), not for every field checked.
 */
interface Place {
  readonly parent: Place | null;
  readonly key: string | number;
}

function pathOf(place: Place | null): string {
  return place === null ? "" : fieldPath(pathOf(place.parent), place.key);
}

const INT32 = 2 ** 31;
const INT64 = 2 ** 63;

function describe(value: unknown): string {
  if (value === null) {
    return "null";
  }
  if (Array.isArray(value)) {
    return "a list";
  }
  if (typeof value === "object") {
    return "a mapping";
  }
  if (typeof value === "number") {
    return Number.isInteger(value) ? "an integer" : "a number with a fraction";
  }
  return `a ${typeof value === "boolean" ? "boolean" : typeof value}`;
}

function isInteger(value: unknown, limit: number): boolean {
  return typeof value === "number" && Number.isInteger(value) && value >= -limit && value <= limit;
}

function expected(type: FieldType): string | null {
  switch (type) {
    case "string":
      return "a string";
    case "bool":
      return "a boolean (true or false)";
    case "int32":
      return "a 32-bit integer";
    case "int64":
      return "a 64-bit integer";
    case "intOrString":
      return "an integer or a string";
    case "quantity":
      return "a quantity (a string or a number)";
    case "stringMap":
    case "quantityMap":
    case "any":
      return null;
  }
  return null;
}

function accepts(type: FieldType, value: unknown): boolean {
  switch (type) {
    case "string":
      return typeof value === "string";
    case "bool":
      return typeof value === "boolean";
    case "int32":
      return isInteger(value, INT32 - 1);
    case "int64":
      return isInteger(value, INT64);
    case "intOrString":
      return typeof value === "string" || isInteger(value, INT32 - 1);
    case "quantity":
      return typeof value === "string" || typeof value === "number";
    default:
      return true;
  }
}

/** Each object schema's fields in order, listed once rather than for every object checked. */
const FIELDS = new WeakMap<Readonly<Record<string, FieldType>>, [string, FieldType][]>();

function fieldsOf(schema: Readonly<Record<string, FieldType>>): [string, FieldType][] {
  let fields = FIELDS.get(schema);
  if (fields === undefined) {
    fields = Object.entries(schema);
    FIELDS.set(schema, fields);
  }
  return fields;
}

function check(type: FieldType, value: unknown, place: Place | null): void {
  if (value === null || value === undefined || type === "any") {
    return;
  }
  if (typeof type === "string") {
    if (type === "stringMap" || type === "quantityMap") {
      if (!isRecord(value)) {
        throw new FieldTypeError(pathOf(place), `expected a mapping, found ${describe(value)}`);
      }
      for (const key of Object.keys(value)) {
        checkKnown(type === "stringMap" ? "string" : "quantity", value, key, place);
      }
      return;
    }
    if (!accepts(type, value)) {
      throw new FieldTypeError(
        pathOf(place),
        `expected ${expected(type)}, found ${describe(value)}`,
      );
    }
    return;
  }
  if ("list" in type) {
    if (!Array.isArray(value)) {
      throw new FieldTypeError(pathOf(place), `expected a list, found ${describe(value)}`);
    }
    for (let i = 0; i < value.length; i++) {
      checkKnown(type.list, value, i, place);
    }
    return;
  }
  if (!isRecord(value)) {
    throw new FieldTypeError(pathOf(place), `expected a mapping, found ${describe(value)}`);
  }
  for (const [key, fieldType] of fieldsOf(type.object)) {
    if (Object.prototype.hasOwnProperty.call(value, key)) {
      checkKnown(fieldType, value, key, place);
    }
  }
}

/**
 * Checks `parent[key]`, unless reading it (or a value under it) meets a value not known yet
 * (`pulumi preview` before the resource exists): an unknown value has no wrong type.
 */
function checkKnown(
  type: FieldType,
  parent: Readonly<Record<string | number, unknown>> | readonly unknown[],
  key: string | number,
  parentPlace: Place | null,
): void {
  knownOrUndefined(() =>
    check(type, (parent as Record<string | number, unknown>)[key], { parent: parentPlace, key }),
  );
}

/**
 * Throws `FieldTypeError` for the first field of `object` whose value has a type the API server
 * would reject (`containers: "x"`, `spec` a list, `runAsUser: "0"`, `privileged: 1`). `object`
 * is a decoded Kubernetes object with a string `kind`. Values not known yet are not checked.
 */
export function validateFieldTypes(object: Readonly<Record<string, unknown>>): void {
  const kind = object.kind as string;
  const schema = Object.prototype.hasOwnProperty.call(WORKLOAD_SCHEMAS, kind)
    ? WORKLOAD_SCHEMAS[kind]
    : ANY_OBJECT_SCHEMA;
  check(schema, object, null);
}
