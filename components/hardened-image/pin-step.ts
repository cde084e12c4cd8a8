import { writeFileSync } from "fs";
import {
  LOCK_FILE_VERSION,
  LockFile,
  readLockFile,
  serializeLockFile,
} from "../../oci/pin/lock-file";
import { DigestResolver, pinReferences } from "../../oci/pin/pin";
import { parseImageReference, repositoryName } from "../../rules/image-reference";
import { imageReferences } from "../../rules/dockerfile/image-references";
import { parseDockerfile } from "../../rules/dockerfile/parse";

/** A base image the build uses, pinned. */
export interface PinnedBaseImage {
  /** The image's normalized name: `registry/repository` (`docker.io/library/python`). */
  readonly name: string;
  /** The tag that was resolved (`latest` when none was written). */
  readonly tag: string;
  /** The manifest digest it is pinned to. */
  readonly digest: string;
}

/** What to pin with. */
export interface PinStepOptions {
  /** The Dockerfile's name, for errors. */
  readonly file: string;
  /** The stage to build. @default the last stage */
  readonly target?: string;
  /** The lock file's path, or null to resolve every tag at the registry and record nothing. */
  readonly lockFile: string | null;
  /** Re-resolve tags the lock already holds. */
  readonly update: boolean;
  /** Resolves a tag to its digest (a `RegistryClient`'s `resolveDigest`). */
  readonly resolve: DigestResolver;
  /**
   * Write the digests resolved to the lock file (false during a preview, which changes nothing,
   * and offline, where the digests are placeholders).
   * @default true
   */
  readonly writeLock?: boolean;
}

/** A Dockerfile with its base images pinned. */
export interface PinStepResult {
  /** The Dockerfile with every pinnable reference as `name:tag@sha256:...`. */
  readonly text: string;
  /** The images pinned, in file order, each once. */
  readonly baseImages: readonly PinnedBaseImage[];
  /** References left as written, with the reason (they fail `dockerfile-base-digest` later). */
  readonly kept: readonly string[];
}

/**
 * Pins every external image of a Dockerfile (FROM, COPY --from) with `pinReferences`, honouring
 * the lock file: tags it holds are not resolved again (unless `update`); tags it lacks are
 * resolved and written to it (unless `writeLock` is false). Registry errors propagate (they name the image and the registry).
 */
export async function pinDockerfile(text: string, options: PinStepOptions): Promise<PinStepResult> {
  const model = parseDockerfile(text, {
    file: options.file,
    ...(options.target !== undefined ? { target: options.target } : {}),
  });
  const lock: LockFile =
    options.lockFile === null
      ? { version: LOCK_FILE_VERSION, images: [] }
      : readLockFile(options.lockFile);
  const result = await pinReferences(text, imageReferences(model), {
    lock,
    resolve: options.resolve,
    update: options.update,
  });
  if (options.lockFile !== null && result.lockChanged && options.writeLock !== false) {
    writeFileSync(options.lockFile, serializeLockFile(result.lock));
  }
  const seen = new Set<string>();
  const baseImages: PinnedBaseImage[] = [];
  const kept: string[] = [];
  for (const outcome of result.outcomes) {
    if (outcome.kind === "kept") {
      kept.push(`${outcome.target.written} (line ${outcome.target.line}): ${outcome.reason}`);
      continue;
    }
    const ref = parseImageReference(outcome.pinned);
    const image = {
      name: repositoryName(ref),
      tag: ref.tag ?? "latest",
      digest: ref.digest ?? "",
    };
    const key = `${image.name}:${image.tag}@${image.digest}`;
    if (!seen.has(key)) {
      seen.add(key);
      baseImages.push(image);
    }
  }
  return { text: result.text, baseImages, kept };
}
