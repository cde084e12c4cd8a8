import { HARDENED_PROFILES } from "../../profile";
import { builtInstructions } from "../support/ancestry";
import { DockerfileRule, violationAt } from "../dockerfile-rule";
import { isShell, programName } from "../support/instruction-text";
import { DockerfileInstruction, DockerfileModel } from "../model";

/** Shells that know `set -o pipefail`; a RUN under another shell (pwsh, cmd) is not checked. */
const POSIX_SHELLS = /^(sh|bash|ash|dash|zsh|ksh|mksh)$/;

const DEFAULT_SHELL: readonly string[] = ["/bin/sh", "-c"];

/**
 * The words of the SHELL in effect for each instruction: the last SHELL before it in its stage,
 * or else the one its base stage ends with (`FROM <stage>` inherits it). One pass over the stages.
 */
function shellsOf(model: DockerfileModel): ReadonlyMap<DockerfileInstruction, readonly string[]> {
  const before = new Map<DockerfileInstruction, readonly string[]>();
  const endOf = new Map<number, readonly string[]>();
  const stageEnd = (index: number): readonly string[] => {
    const pending: number[] = [];
    const seen = new Set<number>();
    let i: number | undefined = index;
    while (i !== undefined && !endOf.has(i) && !seen.has(i)) {
      seen.add(i);
      pending.push(i);
      const base: DockerfileModel["stages"][number]["base"] = model.stages[i].base;
      i = base.kind === "stage" ? base.stage : undefined;
    }
    let shell = i !== undefined ? (endOf.get(i) ?? DEFAULT_SHELL) : DEFAULT_SHELL;
    for (const s of pending.reverse()) {
      for (const instruction of model.stages[s].instructions) {
        before.set(instruction, shell);
        if (instruction.keyword === "SHELL" && instruction.words.length > 0) {
          shell = instruction.words;
        }
      }
      endOf.set(s, shell);
    }
    return endOf.get(index) ?? DEFAULT_SHELL;
  };
  model.stages.forEach((_, index) => stageEnd(index));
  return before;
}

/** True when `words` turn pipefail on: `-o pipefail`, `-eo pipefail`, `-opipefail`. */
function setsPipefail(words: readonly string[]): boolean {
  return words.some(
    (w, i) => (/^-[a-z]*o$/.test(w) && words[i + 1] === "pipefail") || /^-[a-z]*opipefail$/.test(w),
  );
}

/** A piped shell-form RUN runs with pipefail, so a failing command in a pipe fails the build. */
export const dockerfilePipefail: DockerfileRule = {
  id: "dockerfile-pipefail",
  title: "A RUN with a pipe must set -o pipefail",
  description:
    "A shell reports only the last command of a pipe: `curl ... | tar x` succeeds when the download fails, and the build goes on with a broken layer. Checked in every stage that feeds the image; an exec-form RUN counts when it runs a shell with -c, and RUNs under a non-POSIX SHELL are skipped.",
  severity: "warning",
  profiles: HARDENED_PROFILES,
  target: "dockerfile",
  references: {
    hadolint: ["DL4006"],
    docs: ["https://docs.docker.com/reference/dockerfile/#shell"],
  },
  remediation:
    'Set SHELL ["/bin/bash", "-o", "pipefail", "-c"] (or ["/bin/ash", "-eo", "pipefail", "-c"] on Alpine) before the RUN, or start its script with set -o pipefail.',
  check: (model) => {
    const shells = shellsOf(model);
    return builtInstructions(model)
      .filter(
        (i) =>
          i.keyword === "RUN" &&
          (!i.execForm || (isShell(i.words[0] ?? "") && i.words.includes("-c"))),
      )
      .flatMap((i) => {
        const piped = i.commands.findIndex((c) => c.piped);
        const shell = i.execForm
          ? i.words.slice(0, i.words.indexOf("-c") + 1)
          : (shells.get(i) ?? DEFAULT_SHELL);
        if (
          piped === -1 ||
          !POSIX_SHELLS.test(programName(shell[0] ?? "")) ||
          setsPipefail(shell) ||
          i.commands.slice(0, piped).some((c) => c.program === "set" && setsPipefail(c.args))
        ) {
          return [];
        }
        const pipe = `${i.commands[piped - 1]?.program ?? ""} | ${i.commands[piped].program}`;
        return [
          violationAt(
            model,
            i,
            `RUN pipes ${pipe} without pipefail, so a failure before the last command is ignored; expected SHELL [..., "-o", "pipefail", "-c"] or set -o pipefail`,
          ),
        ];
      });
  },
};
