import { HARDENED_PROFILES } from "../../profile";
import { finalInstructions, rootBase } from "../support/ancestry";
import { isShellLess } from "../support/base-image";
import { DockerfileRule, violationAt } from "../dockerfile-rule";
import { DockerfileInstruction } from "../model";

/** The instructions that say what the container runs. */
const RUN_COMMANDS: ReadonlySet<string> = new Set(["CMD", "ENTRYPOINT", "HEALTHCHECK"]);

function isShellForm(instruction: DockerfileInstruction): boolean {
  if (instruction.keyword === "HEALTHCHECK") {
    const match = /^\s*CMD\s+(.*)$/is.exec(instruction.text);
    return match !== null && !match[1].trim().startsWith("[");
  }
  return !instruction.execForm;
}

/** Shell-form CMD, ENTRYPOINT and HEALTHCHECK need a shell, which scratch and distroless lack. */
export const dockerfileExecFormWithoutShell: DockerfileRule = {
  id: "dockerfile-exec-form-without-shell",
  title: "CMD, ENTRYPOINT and HEALTHCHECK must use the exec form when the final stage has no shell",
  description:
    "The shell form runs `/bin/sh -c`, which does not exist in an image built FROM scratch or distroless: the container fails to start, or its health check always fails.",
  severity: "error",
  profiles: HARDENED_PROFILES,
  target: "dockerfile",
  references: {
    hadolint: ["DL3025"],
    docs: ["https://docs.docker.com/reference/dockerfile/#shell-and-exec-form"],
  },
  remediation: 'Write the command as a JSON array: CMD ["/app", "--port", "8080"].',
  check: (model) => {
    const base = rootBase(model, model.target);
    if (!isShellLess(base)) {
      return [];
    }
    const baseName = base.kind === "image" ? base.reference : "scratch";
    return finalInstructions(model)
      .filter((i) => RUN_COMMANDS.has(i.keyword) && isShellForm(i))
      .map((i) =>
        violationAt(
          model,
          i,
          `${i.keyword} uses the shell form, but the final stage is built on ${baseName}, which has no /bin/sh; expected the exec form ${i.keyword === "HEALTHCHECK" ? "CMD [...]" : "[...]"}`,
        ),
      );
  },
};
