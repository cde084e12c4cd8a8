import { fieldPath } from "../../../field-path";
import {
  ImageReference,
  InvalidImageReferenceError,
  parseImageReference,
} from "../../../image-reference";
import { ContainerContext } from "../../pod-context";

/** A container's `image`, read and parsed. */
export type ContainerImage =
  | { readonly state: "missing"; readonly path: string }
  | { readonly state: "invalid"; readonly path: string; readonly reason: string }
  | { readonly state: "parsed"; readonly path: string; readonly reference: ImageReference };

/**
 * Reads and parses a container's `image`. A missing, empty or non-string image is `missing`; text
 * that is not an image reference is `invalid` with the parser's explanation.
 */
export function containerImage(ctx: ContainerContext): ContainerImage {
  const path = fieldPath(ctx.path, "image");
  const image: unknown = ctx.container.image;
  if (typeof image !== "string" || image.trim() === "") {
    return { state: "missing", path };
  }
  try {
    return { state: "parsed", path, reference: parseImageReference(image) };
  } catch (error) {
    if (error instanceof InvalidImageReferenceError) {
      return { state: "invalid", path, reason: error.message };
    }
    throw error;
  }
}
