import { ImageReadError } from "./errors";
import { normalizeTarPath } from "./tar-path";

const DIGEST = /^(sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128})$/;

/**
 * The path, relative to the unpacked archive, of a file that `manifest.json` names: cleaned as a
 * tar path. A path that climbs out of the archive (`../x`), is empty or holds a NUL is refused with
 * an `ImageReadError` naming `field` (e.g. `manifest.json Layers[2]`).
 */
export function archiveMember(path: unknown, archive: string, field: string): string {
  const cleaned = typeof path === "string" && !path.includes("\0") ? normalizeTarPath(path) : null;
  if (cleaned === null || cleaned === "/") {
    throw new ImageReadError(
      archive,
      `${field} (${JSON.stringify(path)}) does not name a file inside the archive`,
    );
  }
  return cleaned.slice(1);
}

/**
 * The path of the blob `digest` in an OCI image layout (`blobs/sha256/<hex>`). A digest that is
 * not `sha256:` or `sha512:` with the right number of lowercase hex digits (`sha256:../../x`) is
 * refused with an `ImageReadError` naming `field`.
 */
export function blobMember(digest: unknown, archive: string, field: string): string {
  if (typeof digest !== "string" || !DIGEST.test(digest)) {
    throw new ImageReadError(archive, `${field} (${JSON.stringify(digest)}) is not a valid digest`);
  }
  const [algorithm, hex] = digest.split(":");
  return `blobs/${algorithm}/${hex}`;
}
