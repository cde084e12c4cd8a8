import { DockerfileInstruction, DockerfileModel } from "../model";
import { builtInstructions, finalInstructions } from "./ancestry";

/** The programs of apt. */
export const APT_PROGRAMS: readonly string[] = ["apt-get", "apt", "aptitude"];

/** The RUN instructions of the final stage's chain (`final`) or of every built stage (`built`). */
export function runInstructions(
  model: DockerfileModel,
  scope: "final" | "built",
): DockerfileInstruction[] {
  return (scope === "final" ? finalInstructions(model) : builtInstructions(model)).filter(
    (i) => i.keyword === "RUN",
  );
}

/** True when a RUN caches or mounts `dir` (so what the step writes there is not in the image). */
export function mountsOver(instruction: DockerfileInstruction, dir: string): boolean {
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
export function removes(instruction: DockerfileInstruction, dir: string): boolean {
  return instruction.commands.some(
    (c) => c.program === "rm" && c.args.some((a) => a.startsWith(dir)),
  );
}
