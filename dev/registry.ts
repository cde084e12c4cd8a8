import { createHash } from "crypto";
import { mkdtempSync, writeFileSync } from "fs";
import { createServer } from "net";
import { tmpdir } from "os";
import { join } from "path";
import { gzipSync } from "zlib";

/**
 * The local registries started by scripts/test-services/start.sh (keep the values in sync with
 * scripts/test-services/common.sh).
 */
/** Registry without authentication. */
export const PLAIN_REGISTRY = "127.0.0.1:5000";
/** Registry with htpasswd basic auth (bcrypt), user `REGISTRY_USER`, password `REGISTRY_PASSWORD`. */
export const AUTH_REGISTRY = "127.0.0.1:5001";
/** The user of `AUTH_REGISTRY`. */
export const REGISTRY_USER = "hardened";
/** The password of `REGISTRY_USER` (a test-only secret). */
export const REGISTRY_PASSWORD = "hardened-test-password";
/** The Debian base image start.sh pushes to both registries (`<registry>/debian:bookworm-slim`). */
export const DEBIAN_IMAGE = "debian:bookworm-slim";

/** The media types these helpers push. */
export const MEDIA = {
  ociIndex: "application/vnd.oci.image.index.v1+json",
  ociManifest: "application/vnd.oci.image.manifest.v1+json",
  ociConfig: "application/vnd.oci.image.config.v1+json",
  ociLayer: "application/vnd.oci.image.layer.v1.tar+gzip",
  dockerList: "application/vnd.docker.distribution.manifest.list.v2+json",
  dockerManifest: "application/vnd.docker.distribution.manifest.v2+json",
  dockerConfig: "application/vnd.docker.container.image.v1+json",
  dockerLayer: "application/vnd.docker.image.rootfs.diff.tar.gzip",
} as const;

/** A pushed manifest: its digest, size and media type. */
export interface Pushed {
  readonly digest: string;
  readonly size: number;
  readonly mediaType: string;
}

/** A platform of a multi-platform image. */
export interface Platform {
  readonly os: string;
  readonly architecture: string;
}

/** Says why a service-dependent test cannot run: fails under CI, skips otherwise. */
export function serviceUnavailable(context: Mocha.Context, what: string): never {
  const message = `${what}; run scripts/test-services/start.sh (as root) to start the test services`;
  if (process.env.CI) {
    throw new Error(message);
  }
  context.skip();
}

function sha256(bytes: Buffer): string {
  return `sha256:${createHash("sha256").update(bytes).digest("hex")}`;
}

function headersFor(registry: string): Record<string, string> {
  return registry === AUTH_REGISTRY
    ? {
        Authorization: `Basic ${Buffer.from(`${REGISTRY_USER}:${REGISTRY_PASSWORD}`).toString("base64")}`,
      }
    : {};
}

async function statusOf(url: string): Promise<number | null> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(3000) });
    await response.body?.cancel();
    return response.status;
  } catch {
    return null;
  }
}

/** Skips (or, under CI, fails) the current suite unless both local registries answer as expected. */
export async function requireRegistries(context: Mocha.Context): Promise<void> {
  const plain = await statusOf(`http://${PLAIN_REGISTRY}/v2/`);
  const auth = await statusOf(`http://${AUTH_REGISTRY}/v2/`);
  if (plain !== 200 || auth !== 401) {
    serviceUnavailable(
      context,
      `the test registries do not answer (http://${PLAIN_REGISTRY}/v2/ gave ${plain ?? "no answer"}, expected 200; http://${AUTH_REGISTRY}/v2/ gave ${auth ?? "no answer"}, expected 401)`,
    );
  }
}

async function expectStatus(response: Response, expected: number, what: string): Promise<void> {
  if (response.status !== expected) {
    throw new Error(`${what}: HTTP ${response.status} ${await response.text()}`);
  }
}

/** Uploads `bytes` as a blob of `repository` (POST then a single PUT) and returns its digest. */
export async function pushBlob(
  registry: string,
  repository: string,
  bytes: Buffer,
): Promise<string> {
  const digest = sha256(bytes);
  const what = `upload of blob ${digest} to ${registry}/${repository}`;
  const started = await fetch(`http://${registry}/v2/${repository}/blobs/uploads/`, {
    method: "POST",
    headers: headersFor(registry),
  });
  await expectStatus(started, 202, what);
  await started.body?.cancel();
  const location = new URL(started.headers.get("location") ?? "", `http://${registry}`);
  location.searchParams.set("digest", digest);
  const finished = await fetch(location, {
    method: "PUT",
    headers: { ...headersFor(registry), "Content-Type": "application/octet-stream" },
    body: bytes,
  });
  await expectStatus(finished, 201, what);
  await finished.body?.cancel();
  return digest;
}

/** PUTs `manifest` under `reference` (a tag or digest) with its media type; returns what was pushed. */
export async function pushManifest(
  registry: string,
  repository: string,
  reference: string,
  manifest: object,
  mediaType: string,
): Promise<Pushed> {
  const bytes = Buffer.from(JSON.stringify(manifest, null, 2));
  const response = await fetch(`http://${registry}/v2/${repository}/manifests/${reference}`, {
    method: "PUT",
    headers: { ...headersFor(registry), "Content-Type": mediaType },
    body: bytes,
  });
  await expectStatus(response, 201, `push of manifest ${registry}/${repository}:${reference}`);
  await response.body?.cancel();
  return { digest: sha256(bytes), size: bytes.length, mediaType };
}

/**
 * Pushes a minimal single-platform image (an empty gzipped tar layer and a config holding
 * `marker`, so different markers give different digests) and tags it `tag` unless tag is null.
 */
export async function pushImage(
  registry: string,
  repository: string,
  tag: string | null,
  options: {
    readonly marker?: string;
    readonly platform?: Platform;
    readonly format?: "oci" | "docker";
  } = {},
): Promise<Pushed> {
  const platform = options.platform ?? { os: "linux", architecture: "amd64" };
  const oci = (options.format ?? "oci") === "oci";
  const layer = gzipSync(Buffer.alloc(1024));
  const config = Buffer.from(
    JSON.stringify({
      ...platform,
      config: { Labels: { "test.marker": options.marker ?? "default" } },
      rootfs: { type: "layers", diff_ids: [sha256(Buffer.alloc(1024))] },
    }),
  );
  const layerDigest = await pushBlob(registry, repository, layer);
  const configDigest = await pushBlob(registry, repository, config);
  const mediaType = oci ? MEDIA.ociManifest : MEDIA.dockerManifest;
  const manifest = {
    schemaVersion: 2,
    mediaType,
    config: {
      mediaType: oci ? MEDIA.ociConfig : MEDIA.dockerConfig,
      digest: configDigest,
      size: config.length,
    },
    layers: [
      {
        mediaType: oci ? MEDIA.ociLayer : MEDIA.dockerLayer,
        digest: layerDigest,
        size: layer.length,
      },
    ],
  };
  const bytes = Buffer.from(JSON.stringify(manifest, null, 2));
  return pushManifest(registry, repository, tag ?? sha256(bytes), manifest, mediaType);
}

/** The size and media type of a manifest already in the registry (HEAD), e.g. one docker pushed. */
export async function describeManifest(
  registry: string,
  repository: string,
  digest: string,
): Promise<Pushed> {
  const response = await fetch(`http://${registry}/v2/${repository}/manifests/${digest}`, {
    method: "HEAD",
    headers: {
      ...headersFor(registry),
      Accept: [MEDIA.ociManifest, MEDIA.dockerManifest].join(", "),
    },
  });
  await expectStatus(response, 200, `HEAD of manifest ${registry}/${repository}@${digest}`);
  return {
    digest,
    size: Number(response.headers.get("content-length")),
    mediaType: (response.headers.get("content-type") ?? "").split(";")[0],
  };
}

/**
 * PUTs an OCI image index (or a Docker manifest list) naming `manifests`, each with its platform,
 * under `tag`: a multi-platform image without buildx.
 */
export async function pushIndex(
  registry: string,
  repository: string,
  tag: string,
  manifests: readonly { readonly manifest: Pushed; readonly platform: Platform }[],
  format: "oci" | "docker" = "oci",
): Promise<Pushed> {
  const mediaType = format === "oci" ? MEDIA.ociIndex : MEDIA.dockerList;
  return pushManifest(
    registry,
    repository,
    tag,
    {
      schemaVersion: 2,
      mediaType,
      manifests: manifests.map(({ manifest, platform }) => ({
        mediaType: manifest.mediaType,
        digest: manifest.digest,
        size: manifest.size,
        platform,
      })),
    },
    mediaType,
  );
}

/**
 * Pushes a multi-platform image: one minimal image per platform (pushed by digest, see
 * `pushImage`), then an index naming them (see `pushIndex`), tagged `tag`. Returns the index and
 * the platform manifests.
 */
export async function pushMultiPlatformImage(
  registry: string,
  repository: string,
  tag: string,
  options: {
    readonly marker?: string;
    readonly format?: "oci" | "docker";
    readonly platforms?: readonly Platform[];
  } = {},
): Promise<{ index: Pushed; manifests: Pushed[] }> {
  const platforms = options.platforms ?? [
    { os: "linux", architecture: "amd64" },
    { os: "linux", architecture: "arm64" },
  ];
  const format = options.format ?? "oci";
  const manifests: Pushed[] = [];
  for (const platform of platforms) {
    manifests.push(
      await pushImage(registry, repository, null, { marker: options.marker, platform, format }),
    );
  }
  const index = await pushIndex(
    registry,
    repository,
    tag,
    manifests.map((manifest, i) => ({ manifest, platform: platforms[i] })),
    format,
  );
  return { index, manifests };
}

/** A port on 127.0.0.1 that nothing listens on (bound then released), for "unreachable" cases. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === "string") {
    throw new Error("could not find a free port on 127.0.0.1");
  }
  return address.port;
}

/**
 * Writes a Docker client config dir (for `DOCKER_CONFIG`) holding basic credentials for each
 * registry given, and returns its path.
 */
export function dockerConfigDir(
  auths: Readonly<Record<string, { user: string; password: string }>>,
): string {
  const dir = mkdtempSync(join(tmpdir(), "hardened-docker-config-"));
  const entries = Object.fromEntries(
    Object.entries(auths).map(([host, { user, password }]) => [
      host,
      { auth: Buffer.from(`${user}:${password}`).toString("base64") },
    ]),
  );
  writeFileSync(join(dir, "config.json"), JSON.stringify({ auths: entries }, null, 2));
  return dir;
}

/** A repository name unique to this run, so tests never see each other's tags. */
export function uniqueRepository(prefix: string): string {
  return `hardened-test/${prefix}-${process.pid}-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6).toString(36)}`;
}
