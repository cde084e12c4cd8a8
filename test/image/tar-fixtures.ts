import { createHash } from "crypto";
import { pack } from "tar-stream";

/** One entry of a test tar stream. */
export interface TarEntry {
  readonly name: string;
  readonly type?: "file" | "directory" | "symlink" | "link";
  readonly mode?: number;
  readonly uid?: number;
  readonly linkname?: string;
  readonly content?: string | Buffer;
}

/** A tar stream holding the given entries, as a Buffer. */
export async function tarOf(entries: readonly TarEntry[]): Promise<Buffer> {
  const p = pack();
  for (const e of entries) {
    const header = {
      name: e.name,
      type: e.type ?? "file",
      mode: e.mode ?? 0o644,
      uid: e.uid ?? 0,
      gid: 0,
      linkname: e.linkname,
    };
    if (header.type === "file") {
      p.entry(header, e.content ?? "");
    } else {
      p.entry(header);
    }
  }
  p.finalize();
  const chunks: Buffer[] = [];
  for await (const chunk of p) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** The `sha256:` digest of `bytes`. */
export function digestOf(bytes: Buffer): string {
  return `sha256:${createHash("sha256").update(bytes).digest("hex")}`;
}
