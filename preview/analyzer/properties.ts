import { Struct } from "google-protobuf/google/protobuf/struct_pb";

/** Key that marks a special value in serialized resource properties (`@pulumi/pulumi` rpc). */
export const SPECIAL_SIG_KEY = "4dabf18193072939515e22adb298388d";

/** Signature of a secret value under {@link SPECIAL_SIG_KEY}. */
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

/** Signature of an output value (a value with its secretness and dependencies) under {@link SPECIAL_SIG_KEY}. */
export const OUTPUT_VALUE_SIG = "d0e6a833031e9bbcd3f4e8bde6ca49a4";

/** The string the engine sends for any value not known yet (during preview). */
export const UNKNOWN_VALUE = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** A value that is not known yet, as in a preview. */
export const UNKNOWN: unique symbol = Symbol("unknown");

/** A secret value: serialized inside the engine's secret envelope. */
export class SecretValue {
  constructor(public readonly value: unknown) {}
}

/** Marks `value` as a secret for {@link serializeProperties}. */
export function secret(value: unknown): SecretValue {
  return new SecretValue(value);
}

function toWire(value: unknown): unknown {
  if (value === UNKNOWN) {
    return UNKNOWN_VALUE;
  }
  if (value instanceof SecretValue) {
    return { [SPECIAL_SIG_KEY]: SECRET_SIG, value: toWire(value.value) ?? null };
  }
  if (Array.isArray(value)) {
    return value.map((v) => toWire(v) ?? null);
  }
  if (typeof value === "object" && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const wire = toWire(v);
      if (wire !== undefined) {
        out[k] = wire;
      }
    }
    return out;
  }
  return value;
}

/**
 * Serializes resource properties into the `google.protobuf.Struct` the Pulumi engine sends to an
 * analyzer: {@link UNKNOWN} becomes the unknown sentinel string, {@link SecretValue} the secret
 * envelope, `undefined` fields are dropped.
 */
export function serializeProperties(props: Readonly<Record<string, unknown>>): Struct {
  return Struct.fromJavaScript(toWire(props) as Record<string, never>);
}

function fromWire(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(fromWire);
  }
  if (typeof value === "object" && value !== null) {
    const record = value as Record<string, unknown>;
    if (record[SPECIAL_SIG_KEY] === SECRET_SIG) {
      return secret(fromWire(record.value));
    }
    if (record[SPECIAL_SIG_KEY] === OUTPUT_VALUE_SIG) {
      const value = "value" in record ? fromWire(record.value) : UNKNOWN;
      return record.secret === true ? secret(value) : value;
    }
    return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, fromWire(v)]));
  }
  return value === UNKNOWN_VALUE ? UNKNOWN : value;
}

/**
 * The inverse of {@link serializeProperties}, for properties an analyzer sends back or a program
 * registers: the unknown sentinel becomes {@link UNKNOWN}, secret envelopes {@link SecretValue},
 * output values their value (or {@link UNKNOWN}).
 */
export function deserializeProperties(struct: Struct | undefined): Record<string, unknown> {
  return struct ? (fromWire(struct.toJavaScript()) as Record<string, unknown>) : {};
}
