import { writeFileSync } from "fs";
import { join, relative } from "path";
import { ImagePreset, PRESET_KINDS } from "../../components/hardened-image/preset-args";
import { renderPreset } from "../../components/hardened-image/render-preset";
import { resolvePreset } from "../../components/hardened-image/resolve-preset";
import { LockFile, readLockFile } from "../../oci/pin/lock-file";
import { pinReferences } from "../../oci/pin/pin";
import { imageReferences } from "../../rules/dockerfile/image-references";
import { parseDockerfile } from "../../rules/dockerfile/parse";
import { ImageReference } from "../../rules/image-reference";

/** This folder: where the lock file, the context and the rendered Dockerfiles live. */
export const PRESETS_DIR = __dirname;

/** The lock every preset is pinned from. */
export const PRESETS_LOCK = join(PRESETS_DIR, "hardened.lock.json");

/** The minimal build context the presets are resolved against. */
export const PRESETS_CONTEXT = join(PRESETS_DIR, "context");

/** The committed Dockerfile of a preset kind: `examples/presets/<kind>.Dockerfile`. */
export function presetDockerfile(kind: ImagePreset["kind"]): string {
  return join(PRESETS_DIR, `${kind}.Dockerfile`);
}

/** A preset needs an image the lock does not hold; nothing here may ask a registry. */
export class ImageNotLockedError extends Error {
  constructor(
    /** The lock file that was read. */
    public readonly lockFile: string,
    /** The image reference that is missing from it. */
    public readonly reference: string,
  ) {
    super(
      `${reference} is not in ${lockFile}; the presets are pinned from the lock only. Add it by running hardened pin --update --lock ${lockFile} on a Dockerfile that uses it, where the registry is reachable`,
    );
    this.name = "ImageNotLockedError";
  }
}

/**
 * The Dockerfile HardenedImage builds for `kind` with default arguments, with every base image
 * pinned from `lock`. Never contacts a registry: an image missing from the lock throws
 * `ImageNotLockedError`.
 */
export async function renderPinnedPreset(
  kind: ImagePreset["kind"],
  lock: LockFile,
  lockFile: string = PRESETS_LOCK,
): Promise<string> {
  const text = renderPreset(
    resolvePreset(`HardenedImage preset "${kind}"`, PRESETS_CONTEXT, { kind }),
  );
  const file = `examples/presets/${kind}.Dockerfile`;
  const result = await pinReferences(text, imageReferences(parseDockerfile(text, { file })), {
    lock,
    resolve: (ref: ImageReference) => Promise.reject(new ImageNotLockedError(lockFile, ref.raw)),
  });
  return result.text;
}

async function main(): Promise<void> {
  const lock = readLockFile(PRESETS_LOCK);
  for (const kind of PRESET_KINDS) {
    const file = presetDockerfile(kind);
    writeFileSync(file, await renderPinnedPreset(kind, lock));
    process.stdout.write(`wrote ${relative(process.cwd(), file)}\n`);
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`render: ${(error as Error).message}\n`);
    process.exitCode = 1;
  });
}
