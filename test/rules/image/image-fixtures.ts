import { FileEntry, ImageConfig, ImageLayer, ImageModel } from "../../../rules/image/model";

/** A regular file entry (mode 0755, root-owned unless given). */
export function file(path: string, extra: Partial<FileEntry> = {}): FileEntry {
  return { path, type: "file", mode: 0o755, uid: 0, gid: 0, size: 10, ...extra };
}

/** A directory entry. */
export function dir(path: string): FileEntry {
  return { path, type: "directory", mode: 0o755, uid: 0, gid: 0, size: 0 };
}

/** A symlink entry. */
export function symlink(path: string, target: string): FileEntry {
  return { path, type: "symlink", mode: 0o777, uid: 0, gid: 0, size: 0, linkTarget: target };
}

/** The config of a hardened image: numeric non-root user, exec-form entrypoint and health check, base labels. */
export const HARDENED_CONFIG: ImageConfig = {
  user: "10001:10001",
  env: ["PATH=/usr/local/bin:/usr/bin:/bin", "APP_PASSWORD_FILE=/run/secrets/app"],
  entrypoint: ["/app/server"],
  cmd: [],
  healthcheck: {
    test: ["CMD", "/app/server", "health"],
    startPeriodSeconds: 5,
    intervalSeconds: 10,
    retries: 3,
  },
  exposedPorts: ["8080/tcp"],
  volumes: ["/data"],
  labels: {
    "org.opencontainers.image.base.name": "gcr.io/distroless/static-debian12:nonroot",
    "org.opencontainers.image.base.digest": `sha256:${"a".repeat(64)}`,
  },
};

/** The layers of a hardened image: a distroless-like base, then the application. */
export const HARDENED_LAYERS: readonly (readonly FileEntry[])[] = [
  [
    dir("/etc"),
    file("/etc/passwd", {
      mode: 0o644,
      content:
        "root:x:0:0:root:/root:/sbin/nologin\nnonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin\n",
    }),
    dir("/var/lib/dpkg/status.d"),
    file("/var/lib/dpkg/status.d/base", { mode: 0o644 }),
    dir("/tmp"),
  ],
  [dir("/app"), file("/app/server")],
];

/** An image model built from `layers` and `config` overrides, from a registry reference. */
export function imageModel(
  config: Partial<ImageConfig> = {},
  layers: readonly (readonly FileEntry[])[] = HARDENED_LAYERS,
  history: readonly string[] = ["COPY /app/server /app/server # buildkit"],
): ImageModel {
  const built: ImageLayer[] = layers.map((entries, index) => ({
    index,
    digest: `sha256:${String(index).repeat(64)}`,
    diffId: `sha256:${String(index).repeat(64)}`,
    compressedSize: 1000,
    uncompressedSize: 3000,
    fromBase: index === 0,
    entries,
  }));
  return {
    source: "registry.example.com/app:1.0",
    platform: "linux/amd64",
    config: { ...HARDENED_CONFIG, ...config },
    history: history.map((createdBy) => ({ createdBy, emptyLayer: false })),
    layers: built,
  };
}

/** `HARDENED_LAYERS` plus one more layer. */
export function withLayer(entries: readonly FileEntry[]): readonly (readonly FileEntry[])[] {
  return [...HARDENED_LAYERS, entries];
}
