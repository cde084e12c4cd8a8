/**
 * How Kubernetes reads a YAML scalar. kubectl and the API server convert YAML to JSON with
 * `sigs.k8s.io/yaml`, which decodes with a YAML 1.1 reader (go-yaml v2): `yes`, `on`, `y` are
 * `true`; `0b1`, `010`, `0o10`, `0x1F`, `1_000` are integers; `190:20:30` stays a string. The
 * functions here follow that reader's rules, not YAML 1.2's.
 */

/** A resolved scalar: its YAML type and its value. */
export type ResolvedScalar =
  | { readonly type: "null"; readonly value: null }
  | { readonly type: "bool"; readonly value: boolean }
  | { readonly type: "int"; readonly value: number }
  | { readonly type: "float"; readonly value: number }
  | { readonly type: "str"; readonly value: string }
  | { readonly type: "merge"; readonly value: "<<" };

const WORDS: ReadonlyMap<string, ResolvedScalar> = new Map<string, ResolvedScalar>([
  ...["y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"].map(
    (w) => [w, { type: "bool", value: true }] as const,
  ),
  ...["n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"].map(
    (w) => [w, { type: "bool", value: false }] as const,
  ),
  ...["", "~", "null", "Null", "NULL"].map((w) => [w, { type: "null", value: null }] as const),
  ...[".nan", ".NaN", ".NAN"].map((w) => [w, { type: "float", value: NaN }] as const),
  ...[".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"].map(
    (w) => [w, { type: "float", value: Infinity }] as const,
  ),
  ...["-.inf", "-.Inf", "-.INF"].map((w) => [w, { type: "float", value: -Infinity }] as const),
  ["<<", { type: "merge", value: "<<" }],
]);

const INT64_LIMIT = 2n ** 63n;
const UINT64_LIMIT = 2n ** 64n;
const YAML_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;

/** Go's `strconv.ParseInt(s, 0, 64)`/`ParseUint` on a string without underscores. */
function goInteger(text: string): bigint | null {
  const m = /^([-+]?)(0[bB][01]+|0[oO][0-7]+|0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)$/.exec(text);
  if (!m) {
    return null;
  }
  const digits = m[2];
  let magnitude: bigint;
  if (/^0[bBoOxX]/.test(digits)) {
    magnitude = BigInt(`0${digits[1].toLowerCase()}${digits.slice(2)}`);
  } else if (digits.length > 1 && digits.startsWith("0")) {
    magnitude = BigInt(`0o${digits.slice(1)}`);
  } else {
    magnitude = BigInt(digits);
  }
  const value = m[1] === "-" ? -magnitude : magnitude;
  if (value < -INT64_LIMIT || value >= UINT64_LIMIT || (m[1] !== "" && value >= INT64_LIMIT)) {
    return null;
  }
  return value;
}

/** Go's `strconv.ParseFloat` on a YAML-style float; null when out of range. */
function goFloat(text: string): number | null {
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

/**
 * Resolves a plain (unquoted, untagged) scalar as go-yaml v2 does: booleans and nulls from its
 * word list, then integers (any Go base prefix, a leading `0` for octal, underscores ignored),
 * then floats; anything else is a string.
 */
export function resolvePlainScalar(text: string): ResolvedScalar {
  const word = WORDS.get(text);
  if (word) {
    return word;
  }
  const first = text.charAt(0);
  if (first === ".") {
    const f = /^\.[0-9]+([eE][-+]?[0-9]+)?$/.test(text) ? goFloat(text) : null;
    return f === null ? { type: "str", value: text } : { type: "float", value: f };
  }
  if (!/^[-+0-9]/.test(first)) {
    return { type: "str", value: text };
  }
  const plain = text.replace(/_/g, "");
  const int = goInteger(plain);
  if (int !== null) {
    return { type: "int", value: Number(int) };
  }
  if (YAML_FLOAT.test(plain)) {
    const f = goFloat(plain);
    if (f !== null) {
      return { type: "float", value: f };
    }
  }
  return { type: "str", value: text };
}
