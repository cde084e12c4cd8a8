import { HARDENED_PROFILES } from "../../profile";
import { builtInstructions } from "../support/ancestry";
import { DockerfileRule, violationAt } from "../dockerfile-rule";
import { ShellCommand } from "../support/shell";

/** What a command does to set a password, or undefined. */
function setsPassword(command: ShellCommand): string | undefined {
  const { program, args, piped } = command;
  if (program === "chpasswd" || program === "chgpasswd") {
    return `${program} sets passwords`;
  }
  if (program === "passwd" && (piped || args.includes("--stdin"))) {
    return "passwd reads a password from the build";
  }
  if (
    (program === "useradd" || program === "usermod") &&
    args.some(
      (a, i) =>
        (a === "-p" || a === "--password") && !["*", "!", "!!", "x"].includes(args[i + 1] ?? ""),
    )
  ) {
    return `${program} -p sets a password hash`;
  }
  return undefined;
}

/** No user of the image gets a password at build time. */
export const dockerfilePasswordSet: DockerfileRule = {
  id: "dockerfile-password-set",
  title: "RUN must not set user passwords",
  description:
    "A password set at build time (chpasswd, echo ... | passwd, useradd -p) is in the Dockerfile and in the image's /etc/shadow for anyone who pulls it, the same in every container; containers need no login passwords.",
  severity: "error",
  profiles: HARDENED_PROFILES,
  target: "dockerfile",
  references: { cisDocker: ["4.10"], docs: ["https://docs.docker.com/build/building/secrets/"] },
  remediation:
    "Remove the password: create users with useradd --no-log-init -r (no password) and lock them; pass credentials the program needs at run time as a mounted secret.",
  check: (model) =>
    builtInstructions(model)
      .filter((i) => i.keyword === "RUN")
      .flatMap((i) => {
        const what = i.commands.map(setsPassword).find((p) => p !== undefined);
        return what === undefined
          ? []
          : [violationAt(model, i, `RUN ${what}; expected no passwords in the image`)];
      }),
};
