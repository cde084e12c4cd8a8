import { Secret } from "@pulumi/policy";
import { fieldPath } from "../rules/field-path";
import { UnknownValueError } from "../rules/unknown";
import { rawProperties } from "./raw-properties";
import { unknownSentinels } from "./sdk-internals";

/**
 * The sentinel strings `@pulumi/policy` uses for values not known during preview, one per type
 * (the engine sends the string one; the others come from older engines and remediations).
 */
const UNKNOWN_SENTINELS = unknownSentinels();

function segmentOf(target: object, prop: string): string | number {
  return Array.isArray(target) && /^\d+$/.test(prop) ? Number(prop) : prop;
}

function wrap<T>(value: T, path: string): T {
  if (typeof value !== "object" || value === null) {
    return value;
  }
  return new Proxy(value, {
    get(target, prop, receiver) {
      const raw: unknown = Reflect.get(target, prop, receiver);
      if (typeof prop === "symbol" || typeof raw === "function") {
        return raw;
      }
      const child = raw instanceof Secret ? (raw.value as unknown) : raw;
      if (typeof child === "string") {
        if (UNKNOWN_SENTINELS.has(child)) {
          throw new UnknownValueError(fieldPath(path, segmentOf(target, prop)));
        }
        return child;
      }
      if (typeof child !== "object" || child === null) {
        return child;
      }
      const desc = Reflect.getOwnPropertyDescriptor(target, prop);
      if (desc && "value" in desc && desc.configurable === false && desc.writable === false) {
        return child;
      }
      return wrap(child, fieldPath(path, segmentOf(target, prop)));
    },
  });
}

/**
 * Adapts resource properties as `@pulumi/policy` hands them to a policy to what the rules expect.
 * The SDK's own proxies (which throw the SDK's error on any read of a value not known during
 * preview) are set aside for one lazy proxy over the plain properties: a read of an unknown value
 * throws `rules/unknown`'s `UnknownValueError` naming the exact field path, so the evaluator skips
 * only the rule that needed it; secrets (in remediations) read as their value; everything else
 * reads as is.
 *
 * @param props the properties from `ResourceValidationArgs.props` (or any plain object).
 * @param base field path of `props` itself; "" for a resource's top-level properties.
 */
export function unknownsAsRuleErrors<T extends object>(props: T, base = ""): T {
  return wrap(rawProperties(props) as T, base);
}

/**
 * True when `value` holds, at any depth, a value not known yet (one of the SDK's sentinel strings)
 * or a `Secret`: then only {@link unknownsAsRuleErrors} reads it as the rules expect; otherwise
 * the plain value reads the same.
 */
export function holdsUnknownsOrSecrets(value: unknown): boolean {
  if (typeof value === "string") {
    return UNKNOWN_SENTINELS.has(value);
  }
  if (typeof value !== "object" || value === null) {
    return false;
  }
  if (value instanceof Secret) {
    return true;
  }
  if (Array.isArray(value)) {
    return value.some(holdsUnknownsOrSecrets);
  }
  for (const key in value) {
    if (holdsUnknownsOrSecrets((value as Record<string, unknown>)[key])) {
      return true;
    }
  }
  return false;
}
