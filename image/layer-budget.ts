import { ImageReadError } from "./errors";

/** Default for the most bytes one layer may expand to: 8 GiB. */
export const DEFAULT_MAX_LAYER_BYTES = 8 * 1024 ** 3;

/** The environment variable that overrides `DEFAULT_MAX_LAYER_BYTES`. */
export const MAX_LAYER_BYTES_ENV = "HARDENED_MAX_LAYER_BYTES";

/**
 * The most bytes one layer's uncompressed tar stream may hold before reading stops (a
 * decompression bomb is refused, not expanded): `HARDENED_MAX_LAYER_BYTES` when set, a positive
 * whole number of bytes, or `DEFAULT_MAX_LAYER_BYTES`.
 */
export function maxLayerBytes(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env[MAX_LAYER_BYTES_ENV];
  if (raw === undefined || raw === "") {
    return DEFAULT_MAX_LAYER_BYTES;
  }
  const value = Number(raw);
  if (!/^[0-9]+$/.test(raw) || !Number.isSafeInteger(value) || value <= 0) {
    throw new ImageReadError(
      MAX_LAYER_BYTES_ENV,
      `expected a positive whole number of bytes, got ${JSON.stringify(raw)}`,
    );
  }
  return value;
}
