import { HARDENED_PROFILES } from "../../profile";
import { Violation } from "../../rule";
import { ImageRule } from "../image-rule";
import { isExecutablePresent } from "../resolve-path";

/** The image declares a HEALTHCHECK. */
export const imageHealthcheck: ImageRule = {
  id: "image-healthcheck",
  title: "The image must declare a HEALTHCHECK",
  description:
    "Without a HEALTHCHECK, Docker and Compose report a hung process as running and never restart it. Kubernetes ignores HEALTHCHECK (it uses probes), so this is a warning.",
  severity: "warning",
  profiles: HARDENED_PROFILES,
  target: "image",
  references: { cisDocker: ["4.6"], dockle: ["CIS-DI-0006"], trivy: ["DS026"] },
  remediation:
    'Add HEALTHCHECK --start-period=10s CMD ["/app/healthcheck"] in exec form, calling a program the image ships (no shell needed).',
  check: ({ model }) => {
    const test = model.config.healthcheck?.test ?? [];
    if (test.length > 0 && test[0] !== "NONE") {
      return [];
    }
    return [
      {
        path: "config.Healthcheck",
        message:
          test[0] === "NONE"
            ? "HEALTHCHECK NONE disables the health check; expected a HEALTHCHECK in exec form"
            : "the image has no HEALTHCHECK; expected a HEALTHCHECK in exec form",
        container: null,
      },
    ];
  },
};

function shellForm(field: string, command: readonly string[]): boolean {
  return field === "config.Healthcheck.Test"
    ? command[0] === "CMD-SHELL"
    : command.length >= 2 && command[0] === "/bin/sh" && command[1] === "-c";
}

/** Shell-form commands only work when the image has the shell they call. */
export const imageShellFormWithoutShell: ImageRule = {
  id: "image-shell-form-without-shell",
  title: "Shell-form ENTRYPOINT, CMD and HEALTHCHECK need /bin/sh in the image",
  description:
    "A shell-form command runs as `/bin/sh -c <command>`. In an image without /bin/sh (distroless, scratch) it can never start: the container fails, or its health check always fails.",
  severity: "error",
  profiles: HARDENED_PROFILES,
  target: "image",
  references: {
    hadolint: ["DL3025"],
    docs: ["https://docs.docker.com/reference/dockerfile/#shell-and-exec-form"],
  },
  remediation:
    'Write the command in exec form (JSON array): ENTRYPOINT ["/app/server"], HEALTHCHECK CMD ["/app/healthcheck"].',
  check: ({ model, fs }) => {
    if (isExecutablePresent(fs.final, "/bin/sh")) {
      return [];
    }
    const { entrypoint, cmd, healthcheck } = model.config;
    const fields: [string, readonly string[]][] = [["config.Entrypoint", entrypoint]];
    if (entrypoint.length === 0) {
      fields.push(["config.Cmd", cmd]);
    }
    fields.push(["config.Healthcheck.Test", healthcheck?.test ?? []]);
    const violations: Violation[] = [];
    for (const [field, command] of fields) {
      if (shellForm(field, command)) {
        violations.push({
          path: field,
          message: `${field} is in shell form (${JSON.stringify(command)}) but the image has no /bin/sh, so it cannot run; expected exec form`,
          container: null,
        });
      }
    }
    return violations;
  },
};
