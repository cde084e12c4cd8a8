import { HARDENED_PROFILES } from "../../profile";
import { finalInstructions } from "../support/ancestry";
import { DockerfileRule, violationAt } from "../dockerfile-rule";
import { DockerfileInstruction } from "../model";
import { ShellCommand } from "../support/shell";
import { mountsOver } from "../support/run-steps";

/** True when `value` turns PIP_NO_CACHE_DIR on. */
function pipCacheOff(value: string | null): boolean {
  return value !== null && !/^(0|false|no|off)?$/i.test(value);
}

/** True when `word` is an assignment that turns PIP_NO_CACHE_DIR on. */
function assignsPipCacheOff(word: string): boolean {
  return (
    word.startsWith("PIP_NO_CACHE_DIR=") && pipCacheOff(word.slice("PIP_NO_CACHE_DIR=".length))
  );
}

/**
 * The pip installs of one RUN that keep their cache: those without `--no-cache-dir` and without
 * PIP_NO_CACHE_DIR on, whether as an assignment before the program (`PIP_NO_CACHE_DIR=1 pip
 * install`, `env PIP_NO_CACHE_DIR=1 pip ...`) or exported by an earlier command of the same RUN.
 * One pass over the commands.
 */
function pipInstallsKeepingCache(instruction: DockerfileInstruction): ShellCommand[] {
  const found: ShellCommand[] = [];
  let exported = false;
  for (const c of instruction.commands) {
    if (
      !exported &&
      c.install?.manager === "pip" &&
      !c.install.flags.includes("--no-cache-dir") &&
      c.install.packages.length + c.install.flags.length > 0 &&
      !c.words.slice(0, c.words.length - c.args.length - 1).some(assignsPipCacheOff)
    ) {
      found.push(c);
    }
    exported ||= c.program === "export" && c.args.some(assignsPipCacheOff);
  }
  return found;
}

/** pip install does not keep its cache. */
export const dockerfilePipNoCacheDir: DockerfileRule = {
  id: "dockerfile-pip-no-cache-dir",
  title: "pip install in the final stage must use --no-cache-dir",
  description:
    "pip keeps every downloaded wheel in ~/.cache/pip, inside the final image. PIP_NO_CACHE_DIR set by ENV, ARG, a command prefix or an earlier export in the same RUN counts as --no-cache-dir.",
  severity: "warning",
  profiles: HARDENED_PROFILES,
  target: "dockerfile",
  references: { hadolint: ["DL3042"] },
  remediation:
    "pip install --no-cache-dir <packages>, set ENV PIP_NO_CACHE_DIR=1, or RUN --mount=type=cache,target=/root/.cache/pip.",
  check: (model) => {
    const chain = finalInstructions(model);
    const cacheOffFrom = chain
      .filter(
        (e) =>
          (e.keyword === "ENV" || e.keyword === "ARG") &&
          e.properties.some((p) => p.name === "PIP_NO_CACHE_DIR" && pipCacheOff(p.value)),
      )
      .reduce((first, e) => Math.min(first, e.line), Infinity);
    return chain
      .filter(
        (i) =>
          i.keyword === "RUN" &&
          i.line <= cacheOffFrom &&
          !mountsOver(i, "/root/.cache") &&
          !/\.cache\/pip/.test(i.flags.map((f) => f.value ?? "").join(" ")),
      )
      .flatMap((i) =>
        pipInstallsKeepingCache(i).map((c) =>
          violationAt(
            model,
            i,
            `${c.install?.program} install without --no-cache-dir in the final stage; expected --no-cache-dir`,
          ),
        ),
      );
  },
};
