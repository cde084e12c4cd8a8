import { HARDENED_PROFILES } from "../../profile";
import { builtInstructions, finalInstructions } from "../ancestry";
import { DockerfileRule, violationAt } from "../dockerfile-rule";
import { DockerfileInstruction, DockerfileModel } from "../model";
import { PackageInstall, runsSubcommand } from "../packages";
import { ShellCommand } from "../shell";

const APT = ["apt-get", "apt", "aptitude"];

/** True when a RUN caches or mounts `dir` (so what the step writes there is not in the image). */
function mountsOver(instruction: DockerfileInstruction, dir: string): boolean {
  return instruction.flags.some(
    (f) =>
      f.name === "mount" &&
      f.options.some((o) => o.name === "type" && ["cache", "tmpfs"].includes(o.value ?? "")) &&
      f.options.some(
        (o) =>
          ["target", "dst", "destination"].includes(o.name) &&
          (o.value ?? "").replace(/\/+$/, "").startsWith(dir),
      ),
  );
}

/** True when the RUN removes a path starting with `dir`. */
function removes(instruction: DockerfileInstruction, dir: string): boolean {
  return instruction.commands.some(
    (c) => c.program === "rm" && c.args.some((a) => a.startsWith(dir)),
  );
}

function runs(model: DockerfileModel, scope: "final" | "built"): DockerfileInstruction[] {
  return (scope === "final" ? finalInstructions(model) : builtInstructions(model)).filter(
    (i) => i.keyword === "RUN",
  );
}

/** Package-index updates, by the manager whose install they are for. */
const INDEX_UPDATES: readonly {
  readonly manager: PackageInstall["manager"];
  readonly programs: readonly string[];
  readonly verbs: readonly string[];
}[] = [
  { manager: "apt", programs: APT, verbs: ["update"] },
  { manager: "apk", programs: ["apk"], verbs: ["update"] },
  { manager: "rpm", programs: ["yum", "dnf", "microdnf", "tdnf"], verbs: ["update", "makecache"] },
  { manager: "rpm", programs: ["zypper"], verbs: ["refresh", "ref"] },
];

/** The first command of `instruction` that updates a package index with no install of the same manager, or undefined. */
function updateAlone(instruction: DockerfileInstruction): ShellCommand | undefined {
  return instruction.commands.find((c) =>
    INDEX_UPDATES.some(
      (u) =>
        u.verbs.some((verb) => runsSubcommand(c, u.programs, verb)) &&
        !instruction.commands.some((other) => other.install?.manager === u.manager),
    ),
  );
}

/** A package-index update is in the same RUN as the install it is for. */
export const dockerfileAptUpdateAlone: DockerfileRule = {
  id: "dockerfile-apt-update-alone",
  title: "A package-index update must be in the same RUN as the install",
  description:
    "An `apt-get update`, `apk update`, `yum/dnf update` or `zypper refresh` layer on its own is cached: a later install then uses stale package lists and misses security updates. (The id keeps its first name, apt's, for stability.)",
  severity: "warning",
  profiles: HARDENED_PROFILES,
  target: "dockerfile",
  references: { cisDocker: ["4.7"], trivy: ["DS017"], checkov: ["CKV_DOCKER_5"] },
  remediation:
    "Combine them: RUN apt-get update && apt-get install -y --no-install-recommends <packages> && rm -rf /var/lib/apt/lists/* (apk add --no-cache needs no update at all).",
  check: (model) =>
    runs(model, "built").flatMap((i) => {
      const update = updateAlone(i);
      return update === undefined
        ? []
        : [
            violationAt(
              model,
              i,
              `RUN runs ${update.program} ${update.args.join(" ")} without an install of the same package manager in the same RUN; expected update and install together`,
            ),
          ];
    }),
};

/** apt-get install skips recommended packages. */
export const dockerfileAptNoInstallRecommends: DockerfileRule = {
  id: "dockerfile-apt-no-install-recommends",
  title: "apt-get install in the final stage must use --no-install-recommends",
  description:
    "Recommended packages are not needed to run the program; they add size and vulnerabilities to the final image.",
  severity: "warning",
  profiles: HARDENED_PROFILES,
  target: "dockerfile",
  references: { hadolint: ["DL3015"], trivy: ["DS029"] },
  remediation: "apt-get install -y --no-install-recommends <packages>.",
  check: (model) =>
    runs(model, "final").flatMap((i) =>
      i.commands
        .filter(
          (c) =>
            c.install?.manager === "apt" &&
            !c.install.flags.includes("--no-install-recommends") &&
            !c.args.some((a) => /APT::Install-Recommends=(false|0|no|off)$/i.test(a)),
        )
        .map((c) =>
          violationAt(
            model,
            i,
            `${c.install?.program} install without --no-install-recommends in the final stage; expected --no-install-recommends`,
          ),
        ),
    ),
};

/** apt lists are not left in the final image. */
export const dockerfileAptListsCleanup: DockerfileRule = {
  id: "dockerfile-apt-lists-cleanup",
  title: "The final stage must not keep apt package lists",
  description:
    "apt-get update writes tens of megabytes to /var/lib/apt/lists; left in the layer they bloat the image and go stale.",
  severity: "warning",
  profiles: HARDENED_PROFILES,
  target: "dockerfile",
  references: { hadolint: ["DL3009"] },
  remediation:
    "End the same RUN with rm -rf /var/lib/apt/lists/*, or use RUN --mount=type=cache,target=/var/lib/apt/lists.",
  check: (model) =>
    runs(model, "final")
      .filter(
        (i) =>
          i.commands.some((c) => runsSubcommand(c, APT, "update")) &&
          !removes(i, "/var/lib/apt/lists") &&
          !mountsOver(i, "/var/lib/apt"),
      )
      .map((i) =>
        violationAt(
          model,
          i,
          "RUN runs apt-get update and leaves /var/lib/apt/lists in the final stage; expected rm -rf /var/lib/apt/lists/* in the same RUN",
        ),
      ),
};

/** apk add does not keep its cache. */
export const dockerfileApkNoCache: DockerfileRule = {
  id: "dockerfile-apk-no-cache",
  title: "apk add in the final stage must use --no-cache",
  description: "Without --no-cache, apk keeps its index in /var/cache/apk inside the final image.",
  severity: "warning",
  profiles: HARDENED_PROFILES,
  target: "dockerfile",
  references: { hadolint: ["DL3019"], trivy: ["DS025"] },
  remediation: "apk add --no-cache <packages>, or RUN --mount=type=cache,target=/var/cache/apk.",
  check: (model) =>
    runs(model, "final")
      .filter((i) => !removes(i, "/var/cache/apk") && !mountsOver(i, "/var/cache/apk"))
      .flatMap((i) =>
        i.commands
          .map((c) => c.install)
          .filter((p) => p?.manager === "apk" && !p.flags.includes("--no-cache"))
          .map(() =>
            violationAt(
              model,
              i,
              "apk add without --no-cache in the final stage; expected apk add --no-cache",
            ),
          ),
      ),
};

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

/** Scripts use apt-get, whose interface is stable, not apt. */
export const dockerfileAptGetNotApt: DockerfileRule = {
  id: "dockerfile-apt-get-not-apt",
  title: "RUN must use apt-get, not apt",
  description:
    "apt is meant for people at a terminal: its command-line interface may change between releases and it warns when scripted.",
  severity: "warning",
  profiles: HARDENED_PROFILES,
  target: "dockerfile",
  references: { hadolint: ["DL3027"], checkov: ["CKV_DOCKER_9"] },
  remediation:
    "Replace apt with apt-get (apt-get update, apt-get install -y --no-install-recommends ...).",
  check: (model) =>
    runs(model, "built")
      .filter((i) => i.commands.some((c) => c.program === "apt" && c.args.length > 0))
      .map((i) => violationAt(model, i, "RUN uses apt; expected apt-get")),
};
