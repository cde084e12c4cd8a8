import { createHash } from "crypto";
import { Transform } from "stream";

/** The `sha256:<hex>` digest of `bytes`, as the distribution spec computes content digests. */
export function sha256Digest(bytes: Uint8Array): string {
  return `sha256:${createHash("sha256").update(bytes).digest("hex")}`;
}

/**
 * A pass-through stream that hashes what flows through it and, at the end, fails with
 * `mismatch(actual)` when the content's digest is not `expected` (a `sha256:` digest), or with
 * `tooLarge()` as soon as more than `maxBytes` bytes have passed.
 */
export function digestVerifier(
  expected: string,
  mismatch: (actual: string) => Error,
  limit?: { readonly maxBytes: number; readonly tooLarge: () => Error },
): Transform {
  const hash = createHash("sha256");
  let size = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      size += chunk.length;
      if (limit !== undefined && size > limit.maxBytes) {
        callback(limit.tooLarge());
        return;
      }
      hash.update(chunk);
      callback(null, chunk);
    },
    flush(callback) {
      const actual = `sha256:${hash.digest("hex")}`;
      callback(actual === expected ? null : mismatch(actual));
    },
  });
}
