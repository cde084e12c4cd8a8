import { readFileSync } from "fs";
import { ImageReference, isSha256Digest } from "../../rules/image-reference";

/** The lock file's default name, next to the Dockerfile. */
export const LOCK_FILE_NAME = "hardened.lock.json";

/** The format version this code reads and writes. */
export const LOCK_FILE_VERSION = 1;

/** One pinned image: which tag resolved to which digest, where and when. */
export interface LockEntry {
  /** The image, normalized: `registry/repository:tag` (`docker.io/library/debian:bookworm`). */
  readonly reference: string;
  /** The registry host it was resolved against. */
  readonly registry: string;
  /** The manifest digest the tag resolved to (the index digest for a multi-platform image). */
  readonly digest: string;
  /** The manifest's media type. */
  readonly mediaType: string;
  /** When it was resolved, as an ISO 8601 UTC timestamp. */
  readonly resolvedAt: string;
}

/** The content of `hardened.lock.json`. */
export interface LockFile {
  /** Always `LOCK_FILE_VERSION`. */
  readonly version: typeof LOCK_FILE_VERSION;
  /** The pinned images, sorted by reference. */
  readonly images: readonly LockEntry[];
}

/** The lock file exists but is not one this version can read. */
export class LockFileError extends Error {
  constructor(
    /** The lock file's path. */
    public readonly file: string,
    problem: string,
  ) {
    super(`lock file ${file}: ${problem}`);
    this.name = "LockFileError";
  }
}

/** The key an image is locked under: `registry/repository:tag`, `latest` when no tag is written. */
export function lockKey(ref: ImageReference): string {
  return `${ref.registry}/${ref.repository}:${ref.tag ?? "latest"}`;
}

function checkEntry(file: string, entry: unknown, index: number): LockEntry {
  const where = `images[${index}]`;
  if (typeof entry !== "object" || entry === null) {
    throw new LockFileError(file, `${where} is not an object`);
  }
  const e = entry as Record<string, unknown>;
  for (const field of ["reference", "registry", "digest", "mediaType", "resolvedAt"]) {
    if (typeof e[field] !== "string" || e[field] === "") {
      throw new LockFileError(
        file,
        `${where}.${field} must be a non-empty string, got ${JSON.stringify(e[field])}`,
      );
    }
  }
  if (!isSha256Digest(e.digest as string)) {
    throw new LockFileError(
      file,
      `${where}.digest must be sha256:<64 hex digits>, got ${JSON.stringify(e.digest)}`,
    );
  }
  return e as unknown as LockEntry;
}

/** Reads a lock file; a missing file is an empty lock. Throws `LockFileError` for anything invalid. */
export function readLockFile(file: string): LockFile {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      return { version: LOCK_FILE_VERSION, images: [] };
    }
    throw new LockFileError(file, `cannot read it: ${(error as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new LockFileError(file, `it is not valid JSON: ${(error as Error).message}`);
  }
  const lock = parsed as Record<string, unknown> | null;
  if (typeof lock !== "object" || lock === null || lock.version !== LOCK_FILE_VERSION) {
    throw new LockFileError(
      file,
      `"version" must be ${LOCK_FILE_VERSION}, got ${JSON.stringify(lock?.version)}; delete the file and run hardened pin again to recreate it`,
    );
  }
  if (!Array.isArray(lock.images)) {
    throw new LockFileError(file, `"images" must be an array`);
  }
  return { version: LOCK_FILE_VERSION, images: lock.images.map((e, i) => checkEntry(file, e, i)) };
}

/** The lock file's text: entries sorted by reference, two-space JSON, final newline. */
export function serializeLockFile(lock: LockFile): string {
  const images = [...lock.images].sort((a, b) =>
    a.reference < b.reference ? -1 : a.reference > b.reference ? 1 : 0,
  );
  return `${JSON.stringify({ version: lock.version, images }, null, 2)}\n`;
}

/** `lock` with `entry` added, replacing any entry of the same reference. */
export function withEntry(lock: LockFile, entry: LockEntry): LockFile {
  return {
    version: lock.version,
    images: [...lock.images.filter((e) => e.reference !== entry.reference), entry],
  };
}
