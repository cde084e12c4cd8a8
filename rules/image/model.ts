/** The kind of a file system entry in a layer. */
export type FileType = "file" | "directory" | "symlink" | "hardlink" | "other";

/** One entry of a layer's tar stream, after its path is normalized to an absolute path. */
export interface FileEntry {
  /** Absolute path in the image, e.g. `/usr/bin/su`. */
  readonly path: string;
  /** What it is. */
  readonly type: FileType;
  /** Permission bits including the setuid (0o4000), setgid (0o2000) and sticky (0o1000) bits. */
  readonly mode: number;
  /** Owner user id. */
  readonly uid: number;
  /** Owner group id. */
  readonly gid: number;
  /** Size in bytes (0 for anything but regular files). */
  readonly size: number;
  /** Target of a symlink or hard link, when it is one. */
  readonly linkTarget?: string;
  /**
   * The first bytes of a small regular file (configuration files the rules read, such as
   * `/etc/passwd`), when the reader kept them.
   */
  readonly content?: string;
  /**
   * An executable's Go build information: the bytes from its magic on (latin1), when the reader
   * found one (see `rules/image/inventory/go-buildinfo.ts`).
   */
  readonly goBuildInfo?: string;
  /**
   * The bytes of a binary package database (latin1), when the reader kept them: the rpm sqlite
   * database (see `rules/image/inventory/kept-content.ts`).
   */
  readonly bytes?: string;
}

/** One layer of an image, in order from the bottom. */
export interface ImageLayer {
  /** Zero-based position of the layer. */
  readonly index: number;
  /** Digest of the layer blob as stored: compressed in a registry, the diff id in `docker save`. */
  readonly digest: string;
  /**
   * Digest of the uncompressed layer tar (`rootfs.diff_ids` of the config): the same whether the
   * image comes from a registry or an archive. Empty when the config does not list it.
   */
  readonly diffId: string;
  /** Size of the layer blob in bytes, as the manifest gives it. */
  readonly compressedSize: number;
  /** Bytes of the layer's uncompressed tar stream. */
  readonly uncompressedSize: number;
  /** True when the layer is one of the base image's layers. */
  readonly fromBase: boolean;
  /** Every entry in the layer, whiteout markers included (`.wh.<name>`, `.wh..wh..opq`). */
  readonly entries: readonly FileEntry[];
}

/** One entry of the image's build history. */
export interface HistoryEntry {
  /** The instruction that made it, e.g. `/bin/sh -c #(nop)  USER 10001`. */
  readonly createdBy: string;
  /** True when it made no layer (metadata only). */
  readonly emptyLayer: boolean;
}

/** A HEALTHCHECK as the image config stores it. */
export interface ImageHealthcheck {
  /** `["NONE"]`, `["CMD", exe, args...]` or `["CMD-SHELL", command]`. */
  readonly test: readonly string[];
  /** Seconds before the first failure counts. */
  readonly startPeriodSeconds: number;
  /** Seconds between probes. */
  readonly intervalSeconds: number;
  /** Failures in a row that make the container unhealthy. */
  readonly retries: number;
}

/** The runtime configuration of an image (the `config` object of its config blob). */
export interface ImageConfig {
  /** `USER`, as written: empty, a name, a uid, `uid:gid` or `name:group`. */
  readonly user: string;
  /** `ENV` entries, `NAME=value`. */
  readonly env: readonly string[];
  /** `ENTRYPOINT`, or an empty list. */
  readonly entrypoint: readonly string[];
  /** `CMD`, or an empty list. */
  readonly cmd: readonly string[];
  /** The HEALTHCHECK, or undefined when there is none. */
  readonly healthcheck?: ImageHealthcheck;
  /** Exposed ports such as `80/tcp`. */
  readonly exposedPorts: readonly string[];
  /** Declared volumes. */
  readonly volumes: readonly string[];
  /** Labels. */
  readonly labels: Readonly<Record<string, string>>;
}

/** What a reader knows about the base image named by the OCI base labels. */
export interface BaseImageInfo {
  /** The base image reference the reader resolved. */
  readonly reference: string;
  /** Its manifest digest. */
  readonly digest: string;
  /** Its uncompressed layer digests (`rootfs.diff_ids`), in order. */
  readonly diffIds: readonly string[];
}

/** A built image as the image rules see it: config, history and layers with their files. */
export interface ImageModel {
  /** The image reference or archive path it was read from. */
  readonly source: string;
  /** The manifest digest, when known. */
  readonly digest?: string;
  /** `os/architecture[/variant]`. */
  readonly platform: string;
  /** The runtime configuration. */
  readonly config: ImageConfig;
  /** The build history, oldest first. */
  readonly history: readonly HistoryEntry[];
  /** The layers, bottom first. */
  readonly layers: readonly ImageLayer[];
  /** The base image, when a reader resolved the OCI base labels to an image. */
  readonly base?: BaseImageInfo;
  /**
   * What came of looking up the base the labels name, for people: resolved, no labels, not
   * looked up, or why it could not be fetched.
   * @default undefined (not looked up)
   */
  readonly baseLookup?: string;
}
