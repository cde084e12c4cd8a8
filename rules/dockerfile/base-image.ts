import { ImageReference, parseImageReference } from "../image-reference";
import { ImageSource, WrittenImage } from "./model";

const PARSED = new WeakMap<WrittenImage, ImageReference | Error>();

/** The parsed reference of a written image, or the error that says why it is not one; cached. */
export function parseWrittenImage(image: WrittenImage): ImageReference | Error {
  let parsed = PARSED.get(image);
  if (parsed === undefined) {
    try {
      parsed = parseImageReference(image.reference);
    } catch (error) {
      parsed = error as Error;
    }
    PARSED.set(image, parsed);
  }
  return parsed;
}

/** The parsed reference of an image source, or undefined for a stage, scratch or unparsable text. */
export function parsedImage(source: ImageSource): ImageReference | undefined {
  if (source.kind !== "image") {
    return undefined;
  }
  const parsed = parseWrittenImage(source);
  return parsed instanceof Error ? undefined : parsed;
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
