import { DigestResolver } from "../../oci/pin/pin";
import { Finding } from "../../rules/finding";
import { parseDockerfile } from "../../rules/dockerfile/parse";
import { nonRootFinalUser } from "../../rules/dockerfile/support/final-stage";
import { HardenedImageArgs } from "./args";
import { HardenedImagePinError } from "./errors";
import { appendHardenStage } from "./harden-stage";
import { insertLabels, ociLabels } from "./labels";
import { lintStep } from "./lint-step";
import { PinnedBaseImage, pinDockerfile } from "./pin-step";
import { ImageSourceText } from "./source";

/** The numeric user and group an image runs as. */
export interface ImageUserIds {
  /** Numeric user id. */
  readonly uid: number;
  /** Numeric group id. */
  readonly gid: number;
}

/** Everything the build needs, computed before the build step runs. */
export interface PreparedBuild {
  /** The pinned, labelled (and, with `harden`, stripped) Dockerfile. */
  readonly dockerfile: string;
  /** The stage to build, or undefined for the last one. */
  readonly target?: string;
  /** The base images, pinned. */
  readonly baseImages: readonly PinnedBaseImage[];
  /** The final stage's numeric user, when its USER is `uid:gid` in digits. */
  readonly user?: ImageUserIds;
  /** Every lint finding (none of them blocking). */
  readonly findings: readonly Finding[];
  /** References pinning left as written, each with the reason. */
  readonly keptReferences: readonly string[];
}

/** How {@link prepareBuild} runs. */
export interface PrepareOptions {
  /**
   * Write newly resolved digests to the lock file.
   * @default true
   */
  readonly writeLock?: boolean;
  /**
   * The environment the OCI labels read (CI variables).
   * @default process.env
   */
  readonly env?: NodeJS.ProcessEnv;
}

/** The final USER as numbers, when it is written `uid:gid`. */
function finalUser(
  text: string,
  file: string,
  target: string | undefined,
): ImageUserIds | undefined {
  const model = parseDockerfile(text, { file, ...(target !== undefined ? { target } : {}) });
  const match = /^(\d+):(\d+)$/.exec(nonRootFinalUser(model)?.value ?? "");
  return match === null ? undefined : { uid: Number(match[1]), gid: Number(match[2]) };
}

/**
 * Pins the base images (lock file first, registry otherwise), appends the harden stage when asked,
 * adds the OCI labels and lints the result (throwing on blocking findings). Nothing is written
 * but the lock file (when `writeLock`). Registry failures become `HardenedImagePinError`s naming the image and registry.
 */
export async function prepareBuild(
  owner: string,
  source: ImageSourceText,
  args: HardenedImageArgs,
  resolveDigest: DigestResolver,
  options: PrepareOptions = {},
): Promise<PreparedBuild> {
  const env = options.env ?? process.env;
  let pinned;
  try {
    pinned = await pinDockerfile(source.text, {
      file: source.file,
      ...(args.target !== undefined ? { target: args.target } : {}),
      lockFile: source.lockFile,
      update: args.updatePins ?? false,
      resolve: resolveDigest,
      writeLock: options.writeLock ?? true,
    });
  } catch (error) {
    throw new HardenedImagePinError(owner, source.file, (error as Error).message);
  }
  const parse = (text: string, target: string | undefined) =>
    parseDockerfile(text, { file: source.file, ...(target !== undefined ? { target } : {}) });
  let text = pinned.text;
  let target = args.target;
  const labels = ociLabels(parse(text, target), args.labels ?? {}, env);
  if (args.harden !== undefined) {
    ({ text, target } = appendHardenStage(text, parse(text, target), args.harden, owner));
  }
  text = insertLabels(text, parse(text, target), labels);
  const findings = lintStep(text, {
    owner,
    file: source.file,
    allowedRegistries: args.allowedRegistries ?? [],
    ...(target !== undefined ? { target } : {}),
    ...(source.dockerignore !== undefined ? { dockerignore: source.dockerignore } : {}),
  });
  const user = finalUser(text, source.file, target);
  return {
    dockerfile: text,
    ...(target !== undefined ? { target } : {}),
    baseImages: pinned.baseImages,
    ...(user !== undefined ? { user } : {}),
    findings,
    keptReferences: pinned.kept,
  };
}
