import { RegistryClient } from "../oci/client";
import { ImageLayer, ImageModel } from "../rules/image/model";
import { parseImageReference } from "../rules/image-reference";
import { parseImageConfig } from "./config";
import { ImageReadError } from "./errors";
import { readLayer } from "./layer-reader";
import { withBaseImage } from "./base-image";
import { Platform } from "./platform";
import { platformManifest } from "./platform-manifest";

/** Options of `readImageFromRegistry`. */
export interface RegistryReadOptions {
  /** The client used for every request (its credentials and insecure registries apply). */
  readonly client: RegistryClient;
  /** The platform picked from a multi-platform image. */
  readonly platform: Platform;
  /**
   * Whether to fetch the base image the OCI base labels name, to mark which layers come from it.
   * A base that cannot be fetched is left unresolved, never an error.
   * @default true
   */
  readonly resolveBase?: boolean;
}

interface Descriptor {
  readonly digest: string;
  readonly size: number;
}

/**
 * Reads an image from its registry: the manifest (the platform's one from an index), the config
 * blob, then every layer blob streamed through gunzip and a tar parser; nothing is written to
 * disk and no Docker engine is needed. Every blob's digest is verified by the client.
 */
export async function readImageFromRegistry(
  reference: string,
  options: RegistryReadOptions,
): Promise<ImageModel> {
  const ref = parseImageReference(reference);
  const manifest = await platformManifest(options.client, ref, options.platform);
  const configDescriptor = manifest.json.config as Descriptor | undefined;
  if (configDescriptor === undefined) {
    throw new ImageReadError(reference, `manifest ${manifest.digest} has no config descriptor`);
  }
  const parsed = parseImageConfig(
    await options.client.readBlob(ref, configDescriptor.digest),
    reference,
  );
  const descriptors = (manifest.json.layers ?? []) as Descriptor[];
  const layers: ImageLayer[] = [];
  for (const [index, d] of descriptors.entries()) {
    const contents = await readLayer(
      await options.client.openBlob(ref, d.digest),
      `layer ${index} (${d.digest})`,
      reference,
    );
    const diffId = parsed.diffIds[index];
    if (diffId !== undefined && diffId !== contents.diffId) {
      throw new ImageReadError(
        reference,
        `layer ${index} (${d.digest}) does not match rootfs.diff_ids[${index}] of the config: expected ${diffId}, got ${contents.diffId}`,
      );
    }
    layers.push({
      index,
      digest: d.digest,
      diffId: diffId ?? "",
      compressedSize: d.size,
      uncompressedSize: contents.uncompressedSize,
      fromBase: false,
      entries: contents.entries,
    });
  }
  return withBaseImage(
    {
      source: reference,
      digest: manifest.digest,
      platform: parsed.platform,
      config: parsed.config,
      history: parsed.history,
      layers,
    },
    options.resolveBase === false ? undefined : options.client,
    options.platform,
  );
}
