/** Thrown for a value that is not a Kubernetes resource quantity. */
export class InvalidQuantityError extends Error {
  constructor(
    public readonly value: unknown,
    reason: string,
  ) {
    super(
      `${JSON.stringify(value) ?? String(value)} is not a Kubernetes quantity: ${reason}; expected a number with an optional suffix, like "500m", "64Mi", "1G" or "1e3"`,
    );
    this.name = "InvalidQuantityError";
  }
}

const BINARY_SUFFIXES: Readonly<Record<string, number>> = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

const DECIMAL_SUFFIXES: Readonly<Record<string, number>> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  "": 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
};

const QUANTITY = /^([+-]?(?:\d+\.?\d*|\.\d+))(.*)$/;
const EXPONENT = /^[eE]([+-]?\d+)$/;

/**
 * Parses a Kubernetes resource quantity (`k8s.io/apimachinery` `resource.Quantity`) to its value:
 * `"500m"` is 0.5, `"64Mi"` is 67108864, `"1G"` is 1e9, `"1e3"` is 1000. Binary suffixes are
 * `Ki Mi Gi Ti Pi Ei`, decimal ones `n u m k M G T P E`, and `e`/`E` followed by an integer is a
 * decimal exponent (so `"1E"` is one exa, `"1E3"` is a thousand). A JSON number is taken as is.
 * Throws `InvalidQuantityError` for anything else, including empty text, spaces and unknown
 * suffixes such as `"64MB"`.
 */
export function parseQuantity(value: string | number): number {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) {
      throw new InvalidQuantityError(value, "it is not a finite number");
    }
    return value;
  }
  if (typeof value !== "string") {
    throw new InvalidQuantityError(value, "it is neither a string nor a number");
  }
  const match = QUANTITY.exec(value);
  if (!match) {
    throw new InvalidQuantityError(value, "it does not start with a number");
  }
  const [, number, suffix] = match;
  const exponent = EXPONENT.exec(suffix);
  const multiplier = exponent
    ? 10 ** Number(exponent[1])
    : (BINARY_SUFFIXES[suffix] ?? DECIMAL_SUFFIXES[suffix]);
  if (multiplier === undefined) {
    throw new InvalidQuantityError(value, `"${suffix}" is not a quantity suffix`);
  }
  return Number(number) * multiplier;
}

/**
 * Undefined when `value` is a quantity greater than zero, otherwise a sentence saying why it is not
 * (for a rule's message). Whether the value may be missing is the caller's business.
 */
export function positiveQuantityProblem(value: unknown): string | undefined {
  if (typeof value !== "string" && typeof value !== "number") {
    return `${JSON.stringify(value)} is not a Kubernetes quantity; expected a string like "64Mi" or a number`;
  }
  try {
    return parseQuantity(value) > 0
      ? undefined
      : `${JSON.stringify(value)} is not greater than zero; expected a positive quantity`;
  } catch (error) {
    if (error instanceof InvalidQuantityError) {
      return error.message;
    }
    throw error;
  }
}
