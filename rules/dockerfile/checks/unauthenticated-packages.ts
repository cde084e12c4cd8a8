import { HARDENED_PROFILES } from "../../profile";
import { builtInstructions } from "../support/ancestry";
import { DockerfileRule, violationAt } from "../dockerfile-rule";
import { ShellCommand } from "../support/shell";

/** Programs `unauthenticated` knows flags of. */
const PACKAGE_PROGRAMS = /^(apt-get|apt|aptitude|apk|yum|dnf|microdnf|tdnf|zypper|rpm)$/;

function unauthenticated(command: ShellCommand): string | undefined {
  const { program, args } = command;
  if (!PACKAGE_PROGRAMS.test(program)) {
    return undefined;
  }
  if (["apt-get", "apt", "aptitude"].includes(program)) {
    const flag = args.find(
      (a) =>
        ["--allow-unauthenticated", "--force-yes", "--allow-insecure-repositories"].includes(a) ||
        /AllowUnauthenticated=(true|1|yes)/i.test(a),
    );
    return flag === undefined
      ? undefined
      : `${program} ${flag} installs packages whose signatures are not verified`;
  }
  if (program === "apk" && args.includes("--allow-untrusted")) {
    return "apk --allow-untrusted installs packages whose signatures are not verified";
  }
  if (["yum", "dnf", "microdnf", "tdnf", "zypper"].includes(program)) {
    const flag = args.find(
      (a) => a === "--nogpgcheck" || a === "--no-gpg-checks" || /gpgcheck=(0|false)/i.test(a),
    );
    return flag === undefined
      ? undefined
      : `${program} ${flag} installs packages whose signatures are not verified`;
  }
  if (program === "rpm") {
    const flag = args.find((a) => a === "--nosignature" || a === "--nodigest");
    return flag === undefined
      ? undefined
      : `rpm ${flag} installs a package whose signature is not verified`;
  }
  return undefined;
}

/** Package signatures are verified. */
export const dockerfileUnauthenticatedPackages: DockerfileRule = {
  id: "dockerfile-unauthenticated-packages",
  title: "Package managers must verify package signatures",
  description:
    "apt-get --allow-unauthenticated or --force-yes, `[trusted=yes]` sources, apk --allow-untrusted, --nogpgcheck and rpm --nosignature install whatever the mirror serves.",
  severity: "error",
  profiles: HARDENED_PROFILES,
  target: "dockerfile",
  references: {
    cisDocker: ["4.11"],
    checkov: [
      "CKV2_DOCKER_7",
      "CKV2_DOCKER_8",
      "CKV2_DOCKER_9",
      "CKV2_DOCKER_10",
      "CKV2_DOCKER_11",
    ],
  },
  remediation:
    "Remove the flag and import the repository's signing key (signed-by= for apt, the repository key for apk and rpm).",
  check: (model) =>
    builtInstructions(model)
      .filter((i) => i.keyword === "RUN")
      .flatMap((i) => {
        const problems: string[] = [];
        for (const command of i.commands) {
          const problem = unauthenticated(command);
          if (problem !== undefined) {
            problems.push(problem);
          }
        }
        if (i.script.includes("trusted=yes") && /\[[^\]]*trusted=yes[^\]]*\]/.test(i.script)) {
          problems.push("an apt source marked [trusted=yes] is used without signature checks");
        }
        return problems.length === 0
          ? []
          : [...new Set(problems)].map((p) =>
              violationAt(model, i, `${p}; expected signed packages`),
            );
      }),
};
