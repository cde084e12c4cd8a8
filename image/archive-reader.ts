import { createHash } from "crypto";
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  statSync,
} from "fs";
import { dirname, join } from "path";
import { Transform } from "stream";
import { pipeline } from "stream/promises";
import { extract } from "tar-stream";
import { RegistryClient } from "../oci/client";
import { ImageLayer, ImageModel } from "../rules/image/model";
import { withBaseImage } from "./base-image";
import { parseImageConfig } from "./config";
import { archiveMember, blobMember } from "./archive-member";
import { ImageReadError } from "./errors";
import { readLayer } from "./layer-reader";
import { IndexDescriptor, Platform, selectPlatform } from "./platform";
import { makeTempDir, removeTempDir } from "./temp-dirs";

const INDEX_MEDIA_TYPES = [
  "application/vnd.oci.image.index.v1+json",
  "application/vnd.docker.distribution.manifest.list.v2+json",
];

/** Unpacks the regular files of `archive` under `dir`, refusing paths that leave it. */
async function unpack(archive: string, dir: string): Promise<void> {
  const tar = extract();
  const done = pipeline(createReadStream(archive), tar);
  done.catch(() => undefined);
  try {
    for await (const entry of tar) {
      const name = entry.header.name.replace(/^(\.\/|\/)+/, "");
      if (entry.header.type !== "file" || name.split("/").includes("..")) {
        entry.resume();
        continue;
      }
      const target = join(dir, name);
      mkdirSync(dirname(target), { recursive: true });
      await pipeline(entry, createWriteStream(target));
    }
    await done;
  } catch (error) {
    throw new ImageReadError(archive, `not a readable tar archive: ${(error as Error).message}`);
  }
}

function digestOf(bytes: Buffer, algorithm: string): string {
  return `${algorithm}:${createHash(algorithm).update(bytes).digest("hex")}`;
}

function mismatch(archive: string, path: string, expected: string, actual: string): ImageReadError {
  return new ImageReadError(
    archive,
    `${path} does not match its digest: expected ${expected}, got ${actual}; the archive is corrupt or was altered`,
  );
}

/** The bytes of `path` in the unpacked archive, checked against `digest` when one is given. */
function readMember(dir: string, path: string, archive: string, digest?: string): Buffer {
  const file = join(dir, path);
  if (!existsSync(file)) {
    throw new ImageReadError(archive, `the archive has no ${path}`);
  }
  const bytes = readFileSync(file);
  if (digest !== undefined) {
    const actual = digestOf(bytes, digest.split(":")[0]);
    if (actual !== digest) {
      throw mismatch(archive, path, digest, actual);
    }
  }
  return bytes;
}

function readJson(
  dir: string,
  path: string,
  archive: string,
  digest?: string,
): Record<string, unknown> {
  const bytes = readMember(dir, path, archive, digest);
  try {
    return JSON.parse(bytes.toString("utf8")) as Record<string, unknown>;
  } catch {
    throw new ImageReadError(archive, `${path} in the archive is not JSON`);
  }
}

/** A pass-through stream that fails at its end when what passed does not hash to `digest`. */
function verifying(digest: string, archive: string, path: string): Transform {
  const algorithm = digest.split(":")[0];
  const hash = createHash(algorithm);
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      callback(null, chunk);
    },
    flush(callback) {
      const actual = `${algorithm}:${hash.digest("hex")}`;
      callback(actual === digest ? null : mismatch(archive, path, digest, actual));
    },
  });
}

interface Located {
  readonly configPath: string;
  /** The digest the config must hash to, when the archive names one. */
  readonly configDigest?: string;
  readonly layers: { readonly path: string; readonly digest?: string }[];
  readonly digest?: string;
}

/** `docker save` format: manifest.json lists the config and the layer tar files. */
function locateDockerSave(dir: string, archive: string): Located {
  const list = readJson(dir, "manifest.json", archive) as unknown as {
    Config?: string;
    Layers?: string[];
  }[];
  if (!Array.isArray(list) || list.length === 0 || typeof list[0].Config !== "string") {
    throw new ImageReadError(archive, "manifest.json names no image");
  }
  if (list.length > 1) {
    throw new ImageReadError(
      archive,
      `the archive holds ${list.length} images; save one image per archive`,
    );
  }
  const configPath = archiveMember(list[0].Config, archive, "manifest.json Config");
  const layers = list[0].Layers ?? [];
  if (!Array.isArray(layers)) {
    throw new ImageReadError(archive, "manifest.json Layers is not a list");
  }
  const named = /(?:^|\/)([a-f0-9]{64})(?:\.json)?$/.exec(configPath);
  return {
    configPath,
    ...(named ? { configDigest: `sha256:${named[1]}` } : {}),
    layers: layers.map((path, i) => ({
      path: archiveMember(path, archive, `manifest.json Layers[${i}]`),
    })),
  };
}

/** OCI image layout: index.json, possibly a nested index, then a manifest in blobs/. */
function locateOciLayout(dir: string, archive: string, platform: Platform): Located {
  let manifests = (readJson(dir, "index.json", archive).manifests ?? []) as IndexDescriptor[];
  for (;;) {
    const chosen =
      manifests.length === 1 ? manifests[0] : selectPlatform(manifests, platform, archive);
    const path = blobMember(chosen.digest, archive, "a manifest digest in index.json");
    const json = readJson(dir, path, archive, chosen.digest);
    if (INDEX_MEDIA_TYPES.includes(String(json.mediaType ?? chosen.mediaType))) {
      manifests = (json.manifests ?? []) as IndexDescriptor[];
      continue;
    }
    const config = json.config as { digest?: string } | undefined;
    if (config?.digest === undefined) {
      throw new ImageReadError(archive, `manifest ${chosen.digest} has no config descriptor`);
    }
    const layers = json.layers ?? [];
    if (!Array.isArray(layers)) {
      throw new ImageReadError(archive, `manifest ${chosen.digest} layers is not a list`);
    }
    return {
      configPath: blobMember(config.digest, archive, `manifest ${chosen.digest} config digest`),
      configDigest: config.digest,
      layers: layers.map((l: { digest?: unknown }, i) => ({
        path: blobMember(l?.digest, archive, `manifest ${chosen.digest} layers[${i}] digest`),
        digest: l.digest as string,
      })),
      digest: chosen.digest,
    };
  }
}

/**
 * Reads an image from a `docker save` tarball or an OCI image layout tarball (`manifest.json` is
 * preferred when both are present, as Docker 25+ writes both). The archive is untrusted: every
 * path and digest it names must stay inside it, every blob must hash to its digest (the config to
 * its name or descriptor, each layer to its descriptor and to `rootfs.diff_ids`), and each layer
 * expands within `maxLayerBytes()`; an `ImageReadError` says which failed. The archive is unpacked
 * into a temporary directory that is removed afterwards, also on SIGINT and SIGTERM. Layers of a `docker save` archive are named by
 * their uncompressed digests (`rootfs.diff_ids`), since that format keeps no compressed blobs.
 * With `baseClient`, the base image the OCI base labels name is fetched from its registry to mark
 * the base layers (by uncompressed digest, which archives and registries share).
 */
export async function readImageFromArchive(
  archive: string,
  platform: Platform,
  baseClient?: RegistryClient,
): Promise<ImageModel> {
  if (!existsSync(archive) || !statSync(archive).isFile()) {
    throw new ImageReadError(archive, "no such archive file");
  }
  const dir = makeTempDir("hardened-archive-");
  try {
    await unpack(archive, dir);
    const located = existsSync(join(dir, "manifest.json"))
      ? locateDockerSave(dir, archive)
      : locateOciLayout(dir, archive, platform);
    const parsed = parseImageConfig(
      readMember(dir, located.configPath, archive, located.configDigest),
      archive,
    );
    const layers: ImageLayer[] = [];
    for (const [index, layer] of located.layers.entries()) {
      const file = join(dir, layer.path);
      if (!existsSync(file)) {
        throw new ImageReadError(archive, `the archive has no ${layer.path} (layer ${index})`);
      }
      const stream =
        layer.digest === undefined
          ? createReadStream(file)
          : createReadStream(file).pipe(verifying(layer.digest, archive, layer.path));
      const contents = await readLayer(stream, `layer ${index} (${layer.path})`, archive);
      const diffId = parsed.diffIds[index];
      if (diffId !== undefined && diffId !== contents.diffId) {
        throw new ImageReadError(
          archive,
          `layer ${index} (${layer.path}) does not match rootfs.diff_ids[${index}] of the config: expected ${diffId}, got ${contents.diffId}; the archive is corrupt or was altered`,
        );
      }
      layers.push({
        index,
        digest: layer.digest ?? parsed.diffIds[index] ?? layer.path,
        diffId: parsed.diffIds[index] ?? "",
        compressedSize: statSync(file).size,
        uncompressedSize: contents.uncompressedSize,
        fromBase: false,
        entries: contents.entries,
      });
    }
    return await withBaseImage(
      {
        source: archive,
        ...(located.digest !== undefined ? { digest: located.digest } : {}),
        platform: parsed.platform,
        config: parsed.config,
        history: parsed.history,
        layers,
      },
      baseClient,
      platform,
    );
  } finally {
    removeTempDir(dir);
  }
}
