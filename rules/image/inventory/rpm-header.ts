/** What the inventory reads of an rpm package header. */
export interface RpmHeaderFields {
  /** NAME (tag 1000). */
  readonly name: string;
  /** VERSION (tag 1001). */
  readonly version: string;
  /** RELEASE (tag 1002). */
  readonly release: string;
  /** EPOCH (tag 1003), when the package has one. */
  readonly epoch?: number;
  /** ARCH (tag 1022), when the header has one (the `gpg-pubkey` pseudo-packages have none). */
  readonly arch?: string;
}

const TAG = { name: 1000, version: 1001, release: 1002, epoch: 1003, arch: 1022 } as const;
const TYPE_INT32 = 4;
const STRING_TYPES = new Set([6, 8, 9]);
/** rpm's own bounds on a header: at most 0xffff index entries and 256 MiB of data. */
const MAX_ENTRIES = 0xffff;
const MAX_DATA = 256 * 1024 * 1024;

/**
 * The name, version, release, epoch and architecture of an rpm header blob as the rpm database
 * stores it (`headerExport`: index count and data length, 16-byte index entries, the data store),
 * or undefined when the blob is not such a header or lacks a name, version or release.
 */
export function parseRpmHeader(blob: Buffer): RpmHeaderFields | undefined {
  if (blob.length < 8) {
    return undefined;
  }
  const entries = blob.readUInt32BE(0);
  const dataLength = blob.readUInt32BE(4);
  const data = 8 + 16 * entries;
  if (entries > MAX_ENTRIES || dataLength > MAX_DATA || data + dataLength > blob.length) {
    return undefined;
  }
  const strings = new Map<number, string>();
  let epoch: number | undefined;
  for (let i = 0; i < entries; i += 1) {
    const at = 8 + 16 * i;
    const tag = blob.readUInt32BE(at);
    const type = blob.readUInt32BE(at + 4);
    const offset = blob.readUInt32BE(at + 8);
    if (offset >= dataLength) {
      continue;
    }
    if (tag === TAG.epoch && type === TYPE_INT32 && offset + 4 <= dataLength) {
      epoch = blob.readUInt32BE(data + offset);
    } else if (Object.values(TAG).includes(tag as never) && STRING_TYPES.has(type)) {
      const end = blob.indexOf(0, data + offset);
      if (end >= 0 && end < data + dataLength) {
        strings.set(tag, blob.toString("utf8", data + offset, end));
      }
    }
  }
  const name = strings.get(TAG.name);
  const version = strings.get(TAG.version);
  const release = strings.get(TAG.release);
  if (name === undefined || version === undefined || release === undefined) {
    return undefined;
  }
  const arch = strings.get(TAG.arch);
  return {
    name,
    version,
    release,
    ...(epoch === undefined ? {} : { epoch }),
    ...(arch === undefined ? {} : { arch }),
  };
}
