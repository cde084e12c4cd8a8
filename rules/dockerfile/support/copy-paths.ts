import { DockerfileInstruction } from "../model";

/** The paths of a COPY or ADD (sources, then destination), heredoc markers left out. */
export function copyPaths(instruction: DockerfileInstruction): string[] {
  return instruction.words.filter((w) => !w.startsWith("<<"));
}
