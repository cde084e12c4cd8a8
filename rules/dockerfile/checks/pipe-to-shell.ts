import { HARDENED_PROFILES } from "../../profile";
import { builtInstructions } from "../support/ancestry";
import { isShell } from "../support/instruction-text";
import { DockerfileRule, violationAt } from "../dockerfile-rule";
import { DockerfileInstruction } from "../model";

const DOWNLOADERS: ReadonlySet<string> = new Set(["curl", "wget", "fetch"]);
const INTERPRETERS = /^(python[0-9.]*|perl|ruby|node)$/;
const SUBSTITUTED = /\b(?:ba|z|da|k)?sh\b[^|;&\n]*(?:<\(|\$\(|`)\s*(?:curl|wget)\b/;

function pipesToShell(instruction: DockerfileInstruction): string | undefined {
  const commands = instruction.commands;
  for (let i = 1; i < commands.length; i++) {
    const c = commands[i];
    if (
      c.piped &&
      (isShell(c.program) || INTERPRETERS.test(c.program)) &&
      DOWNLOADERS.has(commands[i - 1].program)
    ) {
      return `${commands[i - 1].program} ... | ${c.program}`;
    }
  }
  return SUBSTITUTED.test(instruction.script) ? "a shell running a downloaded script" : undefined;
}

/** Downloaded scripts are not piped straight into a shell. */
export const dockerfilePipeToShell: DockerfileRule = {
  id: "dockerfile-pipe-to-shell",
  title: "RUN must not pipe a download into a shell",
  description:
    "`curl ... | sh` runs whatever the server returns at build time, unreviewed and unverified; a truncated download runs half a script.",
  severity: "error",
  profiles: HARDENED_PROFILES,
  target: "dockerfile",
  references: {
    cisDocker: ["4.11"],
    docs: ["https://docs.docker.com/reference/dockerfile/#add---checksum"],
  },
  remediation:
    "Download the script or binary with ADD --checksum=sha256:<digest> <url> (or curl -o and sha256sum -c), then run it.",
  check: (model) =>
    builtInstructions(model)
      .filter((i) => i.keyword === "RUN")
      .flatMap((i) => {
        const what = pipesToShell(i);
        return what === undefined
          ? []
          : [
              violationAt(
                model,
                i,
                `RUN pipes a download into an interpreter (${what}); expected a download verified by checksum before it runs`,
              ),
            ];
      }),
};
