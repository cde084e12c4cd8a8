import { finalInstructions } from "../../rules/dockerfile/support/ancestry";
import { DockerfileModel } from "../../rules/dockerfile/model";
import { SHELLS } from "../../rules/knowledge/programs";
import { HardenStageError } from "./errors";

/**
 * Stripping of a Debian or Ubuntu final stage, for images that cannot move to distroless. The
 * final stage is copied into a `hardened-strip` stage that removes what is asked, as root, with
 * the shell it still has; then its whole file system is copied `FROM scratch` into the new final
 * stage `hardened`, which declares again the final stage's ARG, ENV, WORKDIR, LABEL, EXPOSE,
 * VOLUME, STOPSIGNAL, USER, HEALTHCHECK, ENTRYPOINT and CMD. (A RUN cannot remove the shell it runs
 * in and leave the image usable for later RUNs, and deleting files in a later layer of the same
 * image would leave them in the earlier one.) The base image's own configuration (its ENV, such
 * as LANG, its ENTRYPOINT) is not carried over: declare what the program needs in the Dockerfile.
 * ENTRYPOINT, CMD and HEALTHCHECK must use the exec form; the lint fails otherwise.
 */
export interface HardenStageArgs {
  /**
   * Remove apt, dpkg, their configuration and their databases.
   * @default true
   */
  readonly removePackageManager?: boolean;
  /**
   * Remove every shell (sh, dash, bash, rbash, zsh, ash, busybox).
   * @default true
   */
  readonly removeShells?: boolean;
  /**
   * Clear every setuid and setgid bit on the root file system.
   * @default true
   */
  readonly stripSetuid?: boolean;
}

/** The name of the stage that does the stripping. */
export const STRIP_STAGE = "hardened-strip";
/** The name of the new final stage; the build targets it. */
export const HARDENED_STAGE = "hardened";
/** The name given to the final stage when it has none. */
export const SOURCE_STAGE = "hardened-source";

const CONFIG_KEYWORDS: ReadonlySet<string> = new Set([
  "ARG",
  "ENV",
  "WORKDIR",
  "LABEL",
  "EXPOSE",
  "VOLUME",
  "STOPSIGNAL",
  "USER",
  "HEALTHCHECK",
  "ENTRYPOINT",
  "CMD",
]);

const PACKAGE_MANAGER_PATHS = [
  "/usr/bin/apt",
  "/usr/bin/apt-*",
  "/usr/bin/dpkg",
  "/usr/bin/dpkg-*",
  "/usr/lib/apt",
  "/usr/lib/dpkg",
  "/usr/share/dpkg",
  "/var/lib/apt",
  "/var/lib/dpkg",
  "/var/cache/apt",
  "/var/cache/debconf",
  "/var/log/apt",
  "/etc/apt",
  "/etc/dpkg",
];

/**
 * Every shell the image rule `image-no-shell` looks for, and Debian's `rbash` (a link to bash
 * that would be left dangling), where a distribution installs them.
 */
const SHELL_PATHS = [...SHELLS, "rbash"].flatMap((s) => [`/bin/${s}`, `/usr/bin/${s}`]);

/** The script of the strip stage: setuid bits first, then the package manager, the shells last. */
export function stripScript(args: HardenStageArgs): string {
  const steps = ["set -eu"];
  if (args.stripSetuid ?? true) {
    steps.push("find / -xdev -perm /6000 -type f -exec chmod ug-s {} +");
  }
  if (args.removePackageManager ?? true) {
    steps.push(`rm -rf ${PACKAGE_MANAGER_PATHS.join(" ")}`);
  }
  if (args.removeShells ?? true) {
    steps.push(`rm -f ${SHELL_PATHS.join(" ")}`);
  }
  return steps.join("; ");
}

/**
 * Appends the strip stage and the `FROM scratch` final stage to the Dockerfile (naming the final
 * stage `hardened-source` when it has no name) and returns the text and the stage to build.
 */
export function appendHardenStage(
  text: string,
  model: DockerfileModel,
  args: HardenStageArgs,
  owner: string,
): { text: string; target: string } {
  const taken = model.stages.flatMap((s) => (s.name !== undefined ? [s.name] : []));
  const clash = [STRIP_STAGE, HARDENED_STAGE, SOURCE_STAGE].filter((n) => taken.includes(n));
  if (clash.length > 0) {
    throw new HardenStageError(
      owner,
      `the Dockerfile already has a stage named ${clash.join(", ")}`,
    );
  }
  const final = model.stages[model.target];
  const from = final.instructions[0];
  if (final.base.kind === "scratch") {
    throw new HardenStageError(
      owner,
      `the final stage ${final.label} is FROM scratch: there is nothing to strip`,
    );
  }
  const lines = text.split("\n");
  if (final.name === undefined) {
    if (from.endLine !== from.line) {
      throw new HardenStageError(
        owner,
        `the final stage's FROM (line ${from.line}) spans several lines; write it on one line or name the stage (FROM ... AS <name>)`,
      );
    }
    lines[from.line - 1] = `${lines[from.line - 1].trimEnd()} AS ${SOURCE_STAGE}`;
  }
  const source = final.name ?? SOURCE_STAGE;
  const config = finalInstructions(model)
    .filter((i) => CONFIG_KEYWORDS.has(i.keyword))
    .map((i) => lines.slice(i.line - 1, i.endLine).join("\n"));
  const appended = [
    "",
    `# Added by HardenedImage (args.harden): strip ${final.label}, then keep only its file system.`,
    `FROM ${source} AS ${STRIP_STAGE}`,
    "USER 0:0",
    `RUN ${stripScript(args)}`,
    "",
    `FROM scratch AS ${HARDENED_STAGE}`,
    `# hardened ignore=dockerfile-copy-system-dirs reason="${STRIP_STAGE} removed the package manager, shells and setuid bits asked for; its whole file system is the image"`,
    `COPY --from=${STRIP_STAGE} / /`,
    ...config,
    "",
  ];
  return { text: `${lines.join("\n").trimEnd()}\n${appended.join("\n")}`, target: HARDENED_STAGE };
}
