import { DockerfileInstruction } from "../model";

/** Ports an EXPOSE instruction publishes, with ranges expanded to their bounds. */
export function exposedPorts(
  instruction: DockerfileInstruction,
): { text: string; low: number; high: number }[] {
  return instruction.expanded
    .split(/\s+/)
    .filter((w) => w !== "")
    .flatMap((text) => {
      const match = /^(\d+)(?:-(\d+))?(?:\/(?:tcp|udp|sctp))?$/i.exec(text);
      return match === null
        ? []
        : [{ text, low: Number(match[1]), high: Number(match[2] ?? match[1]) }];
    });
}
