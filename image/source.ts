import { RegistryClient } from "../oci/client";
import { ImageModel } from "../rules/image/model";
import { readImageFromArchive } from "./archive-reader";
import { Platform } from "./platform";
import { readImageFromRegistry } from "./registry-reader";

/** Where an image is read from: a registry reference or an archive file. */
export type ImageSource =
  | { readonly kind: "registry"; readonly reference: string }
  | { readonly kind: "archive"; readonly path: string };

/** Options of `readImage`. */
export interface ReadImageOptions {
  /** The platform to pick from a multi-platform image. */
  readonly platform: Platform;
  /**
   * The registry client.
   * @default new RegistryClient(): credentials from the Docker config
   */
  readonly client?: RegistryClient;
  /**
   * Fetch the base image the OCI base labels name, to mark the base layers and check the labels
   * against it; false reads nothing but the image itself (offline archives).
   * @default true
   */
  readonly resolveBase?: boolean;
}

/** Reads an image from a registry or an archive into the model the image rules check. */
export function readImage(source: ImageSource, options: ReadImageOptions): Promise<ImageModel> {
  const client = options.client ?? new RegistryClient();
  const resolveBase = options.resolveBase !== false;
  return source.kind === "archive"
    ? readImageFromArchive(source.path, options.platform, resolveBase ? client : undefined)
    : readImageFromRegistry(source.reference, { client, platform: options.platform, resolveBase });
}

/** How findings name the image: the reference or the archive path. */
export function sourceName(source: ImageSource): string {
  return source.kind === "archive" ? source.path : source.reference;
}
