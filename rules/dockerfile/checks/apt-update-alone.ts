import { HARDENED_PROFILES } from "../../profile";
import { DockerfileRule, violationAt } from "../dockerfile-rule";
import { DockerfileInstruction } from "../model";
import { PackageInstall, runsSubcommand } from "../support/packages";
import { ShellCommand } from "../support/shell";
import { APT_PROGRAMS, runInstructions } from "../support/run-steps";

/** Package-index updates, by the manager whose install they are for. */
const INDEX_UPDATES: readonly {
  readonly manager: PackageInstall["manager"];
  readonly programs: readonly string[];
  readonly verbs: readonly string[];
}[] = [
  { manager: "apt", programs: APT_PROGRAMS, verbs: ["update"] },
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
    runInstructions(model, "built").flatMap((i) => {
      const update = updateAlone(i);
      return update === undefined
        ? []
        : [
            violationAt(
              model,
              i,
              `RUN runInstructions ${update.program} ${update.args.join(" ")} without an install of the same package manager in the same RUN; expected update and install together`,
            ),
          ];
    }),
};
