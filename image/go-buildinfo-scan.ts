import { GO_BUILDINFO_KEPT_BYTES, GO_BUILDINFO_MAGIC } from "../rules/image/inventory/go-buildinfo";

/**
 * Reads a file's content to its end and returns the bytes from the first 16-byte-aligned Go
 * build information magic on (up to `GO_BUILDINFO_KEPT_BYTES`), as a latin1 string, or undefined
 * when the file has none. Only the magic's neighbourhood is kept in memory.
 */
export async function scanGoBuildInfo(content: AsyncIterable<Buffer>): Promise<string | undefined> {
  const overlap = GO_BUILDINFO_MAGIC.length - 1;
  let tail = Buffer.alloc(0);
  let offset = 0;
  let kept: Buffer[] | undefined;
  let keptBytes = 0;
  for await (const chunk of content) {
    if (kept !== undefined) {
      if (keptBytes < GO_BUILDINFO_KEPT_BYTES) {
        kept.push(chunk);
        keptBytes += chunk.length;
      }
      continue;
    }
    const window = Buffer.concat([tail, chunk]);
    const start = offset - tail.length;
    for (
      let at = window.indexOf(GO_BUILDINFO_MAGIC);
      at >= 0;
      at = window.indexOf(GO_BUILDINFO_MAGIC, at + 1)
    ) {
      if ((start + at) % 16 === 0) {
        kept = [window.subarray(at)];
        keptBytes = window.length - at;
        break;
      }
    }
    offset += chunk.length;
    tail = window.subarray(Math.max(0, window.length - overlap));
  }
  return kept === undefined
    ? undefined
    : Buffer.concat(kept).subarray(0, GO_BUILDINFO_KEPT_BYTES).toString("latin1");
}
