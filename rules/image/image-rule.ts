import { RuleMetadata, Violation } from "../rule";
import { ImageFilesystem } from "./filesystem";
import { ImageModel } from "./model";

/** Settings of the built-image rules. */
export interface ImageRuleOptions {
  /**
   * Absolute paths of setuid/setgid files the image may keep (for example `/usr/bin/ping` when
   * it is really needed).
   * @default []
   */
  readonly allowedSetuidPaths?: readonly string[];
  /**
   * Largest allowed image size in bytes: the sum of the uncompressed layer sizes (the bytes of
   * each layer's tar stream, close to what `docker images` shows; measured the same way from a
   * registry and from an archive). No limit when undefined.
   * @default undefined
   */
  readonly maxSizeBytes?: number;
  /**
   * Largest allowed number of layers. No limit when undefined.
   * @default undefined
   */
  readonly maxLayers?: number;
  /**
   * The manifest digest of the base image the image must be built on (the pinned base); checked
   * against the `org.opencontainers.image.base.digest` label. Not checked when undefined.
   * @default undefined
   */
  readonly expectedBaseDigest?: string;
}

/** What an image rule reads: the image, its computed file system and the settings. */
export interface ImageContext {
  /** The image. */
  readonly model: ImageModel;
  /** Its final file system and every file any layer held. */
  readonly fs: ImageFilesystem;
  /** The settings. */
  readonly options: ImageRuleOptions;
}

/**
 * A rule over a built image. `check` reads the context only and returns violations whose
 * `path` is a field of the config (`config.User`) or a file in a layer (`layers[3]:/etc/shadow`).
 */
export interface ImageRule extends RuleMetadata {
  readonly target: "image";
  /** Checks one image. */
  readonly check: (context: ImageContext) => readonly Violation[];
}
