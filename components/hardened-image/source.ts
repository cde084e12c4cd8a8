import { readFileSync, statSync } from "fs";
import { dirname, join, resolve } from "path";
import { LOCK_FILE_NAME } from "../../oci/pin/lock-file";
import { DockerfileModel } from "../../rules/dockerfile/model";
import { parseDockerfile } from "../../rules/dockerfile/parse";
import { DockerfileSyntaxError } from "../../rules/dockerfile/syntax-error";
import { HardenedImageArgs } from "./args";
import { BuildSecret, checkMountedSecrets, resolveBuildSecrets } from "./build-secrets";
import { BuilderChoice } from "./build/builder-choice";
import { HardenedImageArgsError } from "./errors";
import { renderPreset } from "./render-preset";
import { ResolvedPreset, resolvePreset } from "./resolve-preset";

/** The Dockerfile to build, before pinning, with where it came from. */
export interface ImageSourceText {
  /** The Dockerfile's text (a preset's rendering, or the file's content). */
  readonly text: string;
  /** The name findings and errors use: the file's path, or `preset:<kind>`. */
  readonly file: string;
  /** The build context directory, as given. */
  readonly context: string;
  /** The lock file's path, or null when pinning records nothing. */
  readonly lockFile: string | null;
  /** The context's `.dockerignore`, when it has one. */
  readonly dockerignore?: string;
  /** The resolved preset, when one is used. */
  readonly preset?: ResolvedPreset;
  /** The build secrets, checked, sorted by id. */
  readonly secrets: readonly BuildSecret[];
}

function readText(owner: string, arg: string, file: string, what: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new HardenedImageArgsError(
      owner,
      arg,
      code === "ENOENT"
        ? `${what} ${file} does not exist`
        : `cannot read ${what} ${file}: ${(error as Error).message}`,
    );
  }
}

/** Why the classic builder builds: asked for, or BuildKit unavailable (and why). */
function whyClassic(builder: BuilderChoice): string {
  return builder.noBuildKit === undefined
    ? 'builderVersion is "BuilderV1"'
    : `BuildKit is not available: ${builder.noBuildKit}`;
}

/** Throws when the Dockerfile uses BuildKit-only syntax, which the classic builder cannot build. */
function checkClassicBuilder(
  owner: string,
  file: string,
  model: DockerfileModel,
  builder: BuilderChoice,
): void {
  const needsBuildKit = model.stages
    .flatMap((s) => s.instructions)
    .find((i) => i.heredocs.length > 0 || i.flags.some((f) => f.name === "mount"));
  if (needsBuildKit !== undefined) {
    throw new HardenedImageArgsError(
      owner,
      "args.builderVersion",
      `${file}:${needsBuildKit.line} uses ${needsBuildKit.heredocs.length > 0 ? "a heredoc" : "RUN --mount"}, which only BuildKit builds, and the build would use the classic builder: ${whyClassic(builder)}`,
    );
  }
}

function optionalText(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}

/**
 * Reads or renders the Dockerfile `args` asks for (a preset mounting the build secrets on its
 * dependency install), and checks it parses. Throws `HardenedImageArgsError` naming the argument
 * for a missing context, both or neither of `dockerfile`/`preset` in conflict, an unreadable
 * Dockerfile or one Docker could not build, a bad build secret (see `resolveBuildSecrets`),
 * secrets or BuildKit-only syntax with the classic `builder`, or a Dockerfile mounting a secret
 * `secrets` does not give.
 */
export function loadSource(
  owner: string,
  args: HardenedImageArgs,
  builder: BuilderChoice,
): ImageSourceText {
  const context = args.context ?? ".";
  const contextDir = resolve(context);
  let isDir = false;
  try {
    isDir = statSync(contextDir).isDirectory();
  } catch {
    isDir = false;
  }
  if (!isDir) {
    throw new HardenedImageArgsError(owner, "args.context", `${contextDir} is not a directory`);
  }
  if (args.preset !== undefined && args.dockerfile !== undefined) {
    throw new HardenedImageArgsError(
      owner,
      "args.dockerfile",
      `give either dockerfile (${args.dockerfile}) or preset (${JSON.stringify(args.preset.kind)}), not both`,
    );
  }
  const secrets = resolveBuildSecrets(owner, args.secrets, contextDir);
  const classic = builder.builder === "classic";
  if (secrets.length > 0 && classic) {
    throw new HardenedImageArgsError(
      owner,
      "args.builderVersion",
      `build secrets (args.secrets: ${secrets.map((s) => s.id).join(", ")}) are mounted with RUN --mount=type=secret, which only BuildKit builds, and the build would use the classic builder: ${whyClassic(builder)}`,
    );
  }
  const dockerignore = optionalText(join(contextDir, ".dockerignore"));
  const common = { context, secrets, ...(dockerignore !== undefined ? { dockerignore } : {}) };
  if (args.preset !== undefined) {
    const preset = resolvePreset(owner, contextDir, args.preset);
    return {
      ...common,
      text: renderPreset({ ...preset, secrets: secrets.map((s) => s.id), buildKit: !classic }),
      file: `preset:${preset.kind}`,
      lockFile: args.lockFile === undefined ? join(context, LOCK_FILE_NAME) : args.lockFile,
      preset,
    };
  }
  const file = args.dockerfile ?? join(context, "Dockerfile");
  const text = readText(owner, "args.dockerfile", file, "the Dockerfile");
  let model: DockerfileModel;
  try {
    model = parseDockerfile(text, {
      file,
      ...(args.target !== undefined ? { target: args.target } : {}),
    });
  } catch (error) {
    if (error instanceof DockerfileSyntaxError) {
      throw new HardenedImageArgsError(owner, "args.dockerfile", error.message);
    }
    throw error;
  }
  if (classic) {
    checkClassicBuilder(owner, file, model, builder);
  }
  checkMountedSecrets(owner, file, model, secrets);
  return {
    ...common,
    text,
    file,
    lockFile: args.lockFile === undefined ? join(dirname(file), LOCK_FILE_NAME) : args.lockFile,
  };
}
