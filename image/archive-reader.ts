import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
} from "fs";
import { tmpdir } from "os";
import { dirname, join } from "path";
import { pipeline } from "stream/promises";
import { extract } from "tar-stream";
import { RegistryClient } from "../oci/client";
import { ImageLayer, ImageModel } from "../rules/image/model";
import { withBaseImage } from "./base-image";
import { parseImageConfig } from "./config";
import { ImageReadError } from "./errors";
import { readLayer } from "./layer-reader";
import { IndexDescriptor, Platform, selectPlatform } from "./platform";

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

function readJson(dir: string, path: string, archive: string): Record<string, unknown> {
  const file = join(dir, path);
  if (!existsSync(file)) {
    throw new ImageReadError(archive, `the archive has no ${path}`);
  }
  try {
    return JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
  } catch {
    throw new ImageReadError(archive, `${path} in the archive is not JSON`);
  }
}

function blobPath(digest: string): string {
  return join("blobs", ...digest.split(":"));
}

interface Located {
  readonly configPath: string;
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
  return { configPath: list[0].Config, layers: (list[0].Layers ?? []).map((path) => ({ path })) };
}

/** OCI image layout: index.json, possibly a nested index, then a manifest in blobs/. */
function locateOciLayout(dir: string, archive: string, platform: Platform): Located {
  let manifests = (readJson(dir, "index.json", archive).manifests ?? []) as IndexDescriptor[];
  for (;;) {
    const chosen =
      manifests.length === 1 ? manifests[0] : selectPlatform(manifests, platform, archive);
    const json = readJson(dir, blobPath(chosen.digest), archive);
    if (INDEX_MEDIA_TYPES.includes(String(json.mediaType ?? chosen.mediaType))) {
      manifests = (json.manifests ?? []) as IndexDescriptor[];
      continue;
    }
    const config = json.config as { digest?: string } | undefined;
    if (config?.digest === undefined) {
      throw new ImageReadError(archive, `manifest ${chosen.digest} has no config descriptor`);
    }
    const layers = (json.layers ?? []) as { digest: string }[];
    return {
      configPath: blobPath(config.digest),
      layers: layers.map((l) => ({ path: blobPath(l.digest), digest: l.digest })),
      digest: chosen.digest,
    };
  }
}

/**
 * Reads an image from a `docker save` tarball or an OCI image layout tarball (`manifest.json` is
 * preferred when both are present, as Docker 25+ writes both). The archive is unpacked into a
 * temporary directory that is removed afterwards. Layers of a `docker save` archive are named by
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
  const dir = mkdtempSync(join(tmpdir(), "hardened-archive-"));
  try {
    await unpack(archive, dir);
    const located = existsSync(join(dir, "manifest.json"))
      ? locateDockerSave(dir, archive)
      : locateOciLayout(dir, archive, platform);
    const configFile = join(dir, located.configPath);
    if (!existsSync(configFile)) {
      throw new ImageReadError(archive, `the archive has no ${located.configPath}`);
    }
    const parsed = parseImageConfig(readFileSync(configFile), archive);
    const layers: ImageLayer[] = [];
    for (const [index, layer] of located.layers.entries()) {
      const file = join(dir, layer.path);
      if (!existsSync(file)) {
        throw new ImageReadError(archive, `the archive has no ${layer.path} (layer ${index})`);
      }
      const contents = await readLayer(
        createReadStream(file),
        `layer ${index} (${layer.path})`,
        archive,
      );
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
    rmSync(dir, { recursive: true, force: true });
  }
}
