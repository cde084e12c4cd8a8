import { createHash } from "crypto";
import { Readable, Transform } from "stream";
import { pipeline } from "stream/promises";
import { createGunzip } from "zlib";
import { extract, Header } from "tar-stream";
import { FileEntry, FileType } from "../rules/image/model";
import { keptBytesLimit, keptContentLimit } from "../rules/image/inventory/kept-content";
import { RegistryError } from "../oci/errors";
import { ImageReadError } from "./errors";
import { scanGoBuildInfo } from "./go-buildinfo-scan";
import { reportProgress } from "../oci/progress";
import { MAX_LAYER_BYTES_ENV, maxLayerBytes } from "./layer-budget";
import { normalizeTarPath } from "./tar-path";

/** What a layer's tar stream held. */
export interface LayerContents {
  /** Every entry, whiteout markers included, in stream order. */
  readonly entries: FileEntry[];
  /** Bytes of the uncompressed tar stream. */
  readonly uncompressedSize: number;
  /** `sha256:` digest of the uncompressed tar stream (what `rootfs.diff_ids` lists). */
  readonly diffId: string;
}

/** Executables smaller than this are not searched for Go build information. */
const MIN_GO_BINARY_BYTES = 64 * 1024;

const GZIP_MAGIC = [0x1f, 0x8b];
const ZSTD_MAGIC = [0x28, 0xb5, 0x2f, 0xfd];

function startsWith(head: Buffer, magic: readonly number[]): boolean {
  return magic.every((byte, i) => head[i] === byte);
}

function fileType(type: Header["type"]): FileType {
  switch (type) {
    case "file":
    case "contiguous-file":
      return "file";
    case "directory":
      return "directory";
    case "symlink":
      return "symlink";
    case "link":
      return "hardlink";
    default:
      return "other";
  }
}

function hardlinkTarget(linkname: string, what: string, origin: string): string {
  const target = normalizeTarPath(linkname);
  if (target === null) {
    throw new ImageReadError(
      origin,
      `${what} has a hard link whose target climbs out of the image root (${JSON.stringify(linkname)}); Docker refuses such a layer`,
    );
  }
  return target;
}

/** Puts the first chunk back in front of the rest of `iterator`. */
async function* prepend(head: Buffer, iterator: AsyncIterator<Buffer>): AsyncGenerator<Buffer> {
  yield head;
  for (;;) {
    const next = await iterator.next();
    if (next.done) {
      return;
    }
    yield next.value;
  }
}

/**
 * `source` uncompressed: gunzipped when it starts with the gzip magic, as is when it is a plain
 * tar (docker save stores layers so). zstd layers are refused with an explicit error.
 */
async function uncompressed(
  source: Readable,
  what: string,
  origin: string,
): Promise<{ raw: Readable; gzip: boolean }> {
  const iterator = source[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const first = await iterator.next();
  const head = first.done ? Buffer.alloc(0) : first.value;
  if (startsWith(head, ZSTD_MAGIC)) {
    source.destroy();
    throw new ImageReadError(
      origin,
      `${what} is zstd-compressed, which this reader does not support yet; push it with gzip compression`,
    );
  }
  return {
    raw: Readable.from(prepend(head, iterator), { objectMode: false }),
    gzip: startsWith(head, GZIP_MAGIC),
  };
}

/** The whole content of a tar entry. */
async function entryBytes(entry: AsyncIterable<unknown>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of entry) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * Reads one layer blob (gzip-compressed or plain tar) to its end and lists its entries; keeps the
 * content of the files `keptContentLimit` names (user and package databases), the bytes of those
 * `keptBytesLimit` names (the rpm sqlite database) and the Go build
 * information of executables. `what` and `origin` name the layer and image in errors.
 * Reading stops with an `ImageReadError` once the uncompressed stream passes `maxBytes`
 * (`maxLayerBytes()`: `HARDENED_MAX_LAYER_BYTES`, default 8 GiB).
 */
export async function readLayer(
  source: Readable,
  what: string,
  origin: string,
  maxBytes: number = maxLayerBytes(),
): Promise<LayerContents> {
  reportProgress({ kind: "layer", what });
  const { raw, gzip } = await uncompressed(source, what, origin);
  let uncompressedSize = 0;
  const hash = createHash("sha256");
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      uncompressedSize += chunk.length;
      reportProgress({ kind: "bytes", bytes: chunk.length });
      if (uncompressedSize > maxBytes) {
        callback(
          new ImageReadError(
            origin,
            `${what} expands to more than ${maxBytes} bytes, the limit (set ${MAX_LAYER_BYTES_ENV} to raise it)`,
          ),
        );
        return;
      }
      hash.update(chunk);
      callback(null, chunk);
    },
  });
  const tar = extract();
  const done = gzip ? pipeline(raw, createGunzip(), counter, tar) : pipeline(raw, counter, tar);
  let failure: unknown;
  done.catch((error: unknown) => {
    failure = error;
  });
  const entries: FileEntry[] = [];
  try {
    for await (const entry of tar) {
      const h = entry.header;
      const path = normalizeTarPath(h.name);
      if (path === null) {
        throw new ImageReadError(
          origin,
          `${what} has an entry whose path climbs out of the image root (${JSON.stringify(h.name)}); Docker refuses such a layer`,
        );
      }
      let content: string | undefined;
      let bytes: string | undefined;
      let goBuildInfo: string | undefined;
      const regular = fileType(h.type) === "file";
      const limit = regular ? keptContentLimit(path) : undefined;
      const bytesLimit = regular ? keptBytesLimit(path) : undefined;
      if (limit !== undefined && (h.size ?? 0) <= limit) {
        content = (await entryBytes(entry)).toString("utf8");
      } else if (bytesLimit !== undefined && (h.size ?? 0) <= bytesLimit) {
        bytes = (await entryBytes(entry)).toString("latin1");
      } else if (regular && ((h.mode ?? 0) & 0o111) !== 0 && (h.size ?? 0) >= MIN_GO_BINARY_BYTES) {
        goBuildInfo = await scanGoBuildInfo(entry as AsyncIterable<Buffer>);
      } else {
        entry.resume();
      }
      const type = fileType(h.type);
      entries.push({
        path,
        type,
        mode: h.mode ?? 0,
        uid: h.uid ?? 0,
        gid: h.gid ?? 0,
        size: type === "file" ? (h.size ?? 0) : 0,
        ...(h.linkname
          ? {
              linkTarget:
                type === "hardlink" ? hardlinkTarget(h.linkname, what, origin) : h.linkname,
            }
          : {}),
        ...(content !== undefined ? { content } : {}),
        ...(bytes !== undefined ? { bytes } : {}),
        ...(goBuildInfo !== undefined ? { goBuildInfo } : {}),
      });
    }
    await done;
  } catch (caught) {
    const error =
      failure instanceof ImageReadError || failure instanceof RegistryError ? failure : caught;
    if (error instanceof ImageReadError || error instanceof RegistryError) {
      throw error;
    }
    throw new ImageReadError(
      origin,
      `${what} is not a readable tar layer: ${(error as Error).message}`,
    );
  }
  return { entries, uncompressedSize, diffId: `sha256:${hash.digest("hex")}` };
}
