import { RegistryError } from "../oci/errors";
import { InvalidImageReferenceError } from "../rules/image-reference";
import { ImageReadError } from "./errors";
import { DockerCommandError, DockerUnavailableError } from "./runtime/docker-cli";
import { RuntimeUnsupportedError } from "./runtime/verify-runtime";
import { ImageSource } from "./source";

/** The errors that mean the image or the engine could not be used, not that the tool broke. */
export function isImageInputError(error: unknown): error is Error {
  return (
    error instanceof RegistryError ||
    error instanceof ImageReadError ||
    error instanceof InvalidImageReferenceError ||
    error instanceof DockerUnavailableError ||
    error instanceof DockerCommandError ||
    error instanceof RuntimeUnsupportedError
  );
}

/**
 * The image source named on a command line: a reference, or `--archive FILE`, exactly one of
 * them; throws an error saying which was given otherwise.
 */
export function imageSourceOf(
  reference: string | undefined,
  archive: string | undefined,
): ImageSource {
  if (reference !== undefined && archive !== undefined) {
    throw new Error(
      `give an image reference or --archive, not both (got "${reference}" and --archive ${archive})`,
    );
  }
  if (archive !== undefined) {
    return { kind: "archive", path: archive };
  }
  if (reference === undefined) {
    throw new Error(
      "give an image reference (e.g. registry.example.com/app:1.0) or --archive FILE",
    );
  }
  return { kind: "registry", reference };
}
