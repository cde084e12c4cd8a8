/** The magic that starts a Go binary's build information (`debug/buildinfo`). */
export const GO_BUILDINFO_MAGIC = Buffer.from("\xff Go buildinf:", "latin1");

/** How many bytes from the magic on image readers keep: the header and both strings. */
export const GO_BUILDINFO_KEPT_BYTES = 64 * 1024;

/** A Go module a binary was built from. */
export interface GoModule {
  /** The module path, e.g. `golang.org/x/net`. */
  readonly path: string;
  /** Its version, e.g. `v0.24.0`, or `(devel)` for a main module built from a checkout. */
  readonly version: string;
}

/** What a Go binary's build information says. */
export interface GoBuildInfo {
  /** The Go release it was built with, e.g. `go1.22.3`. */
  readonly goVersion: string;
  /**
   * The main module.
   * @default absent when built outside module mode
   */
  readonly main?: GoModule;
  /** The dependencies linked in, replacements applied. */
  readonly deps: readonly GoModule[];
}

/** Reads an unsigned varint at `offset`; returns the value and the offset after it. */
function uvarint(bytes: Buffer, offset: number): [number, number] | undefined {
  let value = 0;
  for (let i = 0, shift = 0; i < 10 && offset + i < bytes.length; i++, shift += 7) {
    const byte = bytes[offset + i];
    value += (byte & 0x7f) * 2 ** shift;
    if (byte < 0x80) {
      return [value, offset + i + 1];
    }
  }
  return undefined;
}

function lengthPrefixed(bytes: Buffer, offset: number): [string, number] | undefined {
  const length = uvarint(bytes, offset);
  if (length === undefined || length[1] + length[0] > bytes.length) {
    return undefined;
  }
  return [bytes.toString("utf8", length[1], length[1] + length[0]), length[1] + length[0]];
}

/** Parses the module lines (`path`, `mod`, `dep`, `=>`) of a binary's module information. */
function modules(modinfo: string): { main?: GoModule; deps: GoModule[] } {
  let main: GoModule | undefined;
  const deps: GoModule[] = [];
  for (const line of modinfo.split("\n")) {
    const [kind, path, version] = line.split("\t");
    if (kind === "mod" && path !== undefined) {
      main = { path, version: version || "(devel)" };
    } else if (kind === "dep" && path !== undefined && version !== undefined) {
      deps.push({ path, version });
    } else if (kind === "=>" && path !== undefined && deps.length > 0) {
      deps[deps.length - 1] = { path, version: version || deps[deps.length - 1].version };
    }
  }
  return main === undefined ? { deps } : { main, deps };
}

/**
 * Parses a Go binary's build information from the bytes that start at its magic: the 32-byte
 * header, then (Go 1.18 and later, flag 2) the Go version and the module information as
 * varint-length-prefixed strings, the latter between two 16-byte sentinels. Returns undefined for
 * anything else, including the pointer-based format of Go before 1.18.
 */
export function parseGoBuildInfo(bytes: Buffer): GoBuildInfo | undefined {
  if (bytes.length < 32 || !bytes.subarray(0, 14).equals(GO_BUILDINFO_MAGIC)) {
    return undefined;
  }
  if ((bytes[15] & 0x2) === 0) {
    return undefined;
  }
  const version = lengthPrefixed(bytes, 32);
  const modinfo = version === undefined ? undefined : lengthPrefixed(bytes, version[1]);
  if (version === undefined || modinfo === undefined || !version[0].startsWith("go")) {
    return undefined;
  }
  const text = modinfo[0].length >= 33 ? modinfo[0].slice(16, -16) : "";
  return { goVersion: version[0], ...modules(text) };
}
