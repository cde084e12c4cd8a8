import { ImageReference, parseImageReference } from "../../image-reference";
import { ImageSource } from "../model";

/** `reference` parsed, or the error that says why it is not an image reference. */
export function parseReference(reference: string): ImageReference | Error {
  try {
    return parseImageReference(reference);
  } catch (error) {
    return error as Error;
  }
}

/** The parsed reference of an image source, or undefined for a stage, scratch or unparsable text. */
export function parsedImage(source: ImageSource): ImageReference | undefined {
  if (source.kind !== "image") {
    return undefined;
  }
  return source.parsed instanceof Error ? undefined : source.parsed;
}

const DEBUG_TAG = /(^|[-_.])(debug|dev)([-_.]|$)/;

/** True for a debug or development variant: `distroless/...:debug*`, `...:latest-dev`, `...:3.12-dev`. */
export function isDebugVariant(ref: ImageReference): boolean {
  return ref.tag !== undefined && DEBUG_TAG.test(ref.tag);
}

/**
 * True when the image has no shell: `scratch`, Google distroless images (except `:debug*`) and
 * Chainguard `static`. Other images are assumed to have one.
 */
export function isShellLess(source: ImageSource): boolean {
  if (source.kind === "scratch") {
    return true;
  }
  const ref = parsedImage(source);
  if (ref === undefined || isDebugVariant(ref)) {
    return false;
  }
  return (
    /(^|\/)distroless\//.test(ref.repository) || /(^|\/)chainguard\/static$/.test(ref.repository)
  );
}
