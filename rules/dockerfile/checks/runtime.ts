import { HARDENED_PROFILES } from "../../profile";
import { builtInstructions, finalInstructions, rootBase } from "../ancestry";
import { isShellLess } from "../base-image";
import { DockerfileRule, DockerfileViolation, missingIn, violationAt } from "../dockerfile-rule";
import { lastInChain, nonRootFinalUser } from "../final-stage";
import { DockerfileInstruction } from "../model";

/** Ports an EXPOSE instruction publishes, with ranges expanded to their bounds. */
function exposedPorts(
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

/** The final stage has a HEALTHCHECK. */
export const dockerfileHealthcheck: DockerfileRule = {
  id: "dockerfile-healthcheck",
  title: "The final stage should define a HEALTHCHECK",
  description:
    "Docker and Compose use HEALTHCHECK to tell a running container from a working one. A HEALTHCHECK in a stage the final stage is built FROM counts; HEALTHCHECK NONE does not. Kubernetes ignores it and uses probes instead.",
  severity: "warning",
  profiles: HARDENED_PROFILES,
  target: "dockerfile",
  references: { cisDocker: ["4.6"], trivy: ["DS026"], checkov: ["CKV_DOCKER_2"] },
  remediation:
    'Add an exec-form check to the final stage: HEALTHCHECK --interval=30s --timeout=3s CMD ["/app", "healthcheck"].',
  check: (model) => {
    const final = model.stages[model.target];
    const healthcheck = lastInChain(model, "HEALTHCHECK");
    if (healthcheck === undefined) {
      return [
        missingIn(
          final,
          "HEALTHCHECK",
          `the final stage ${final.label} has no HEALTHCHECK in its chain; expected HEALTHCHECK CMD [...]`,
        ),
      ];
    }
    return healthcheck.words[0]?.toUpperCase() === "NONE"
      ? [
          violationAt(
            model,
            healthcheck,
            "HEALTHCHECK NONE disables the health check of the final stage; expected HEALTHCHECK CMD [...]",
          ),
        ]
      : [];
  },
};

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

/** The final stage does not expose SSH. */
export const dockerfileExposeSsh: DockerfileRule = {
  id: "dockerfile-expose-ssh",
  title: "The final stage must not expose port 22",
  description:
    "An SSH server in a container is a second, unaudited way in; use `kubectl exec` or `docker exec` instead.",
  severity: "error",
  profiles: HARDENED_PROFILES,
  target: "dockerfile",
  references: { trivy: ["DS004"], checkov: ["CKV_DOCKER_1"] },
  remediation: "Remove port 22 from EXPOSE and the SSH server from the image.",
  check: (model) =>
    finalInstructions(model)
      .filter((i) => i.keyword === "EXPOSE")
      .flatMap((i) =>
        exposedPorts(i)
          .filter((p) => p.low <= 22 && 22 <= p.high)
          .map((p) =>
            violationAt(model, i, `EXPOSE ${p.text} publishes SSH (port 22); expected no SSH port`),
          ),
      ),
};

/** A non-root final stage does not expose ports below 1024. */
export const dockerfilePrivilegedPort: DockerfileRule = {
  id: "dockerfile-privileged-port",
  title: "A non-root final stage should not expose privileged ports (below 1024)",
  description:
    "A non-root process can only bind a port below 1024 with NET_BIND_SERVICE, which hardened workloads drop, or where the runtime lowers ip_unprivileged_port_start (Docker does, Kubernetes does not). Port 22 is reported by dockerfile-expose-ssh.",
  severity: "warning",
  profiles: HARDENED_PROFILES,
  target: "dockerfile",
  references: {
    docs: [
      "https://kubernetes.io/docs/tasks/configure-pod-container/security-context/#set-capabilities-for-a-container",
    ],
  },
  remediation:
    "Listen on a port of 1024 or above (8080 instead of 80, 8443 instead of 443) and map it in the Service or port binding.",
  check: (model) => {
    const user = nonRootFinalUser(model);
    if (user === undefined) {
      return [];
    }
    return finalInstructions(model)
      .filter((i) => i.keyword === "EXPOSE")
      .flatMap((i): DockerfileViolation[] =>
        exposedPorts(i)
          .filter((p) => p.low < 1024 && !(p.low === 22 && p.high === 22))
          .map((p) =>
            violationAt(
              model,
              i,
              `EXPOSE ${p.text} is a privileged port, but the final stage runs as ${user.value}, which cannot bind it without NET_BIND_SERVICE; expected a port of 1024 or above`,
            ),
          ),
      );
  },
};

/** WORKDIR paths are absolute. */
export const dockerfileWorkdirAbsolute: DockerfileRule = {
  id: "dockerfile-workdir-absolute",
  title: "WORKDIR must be an absolute path",
  description:
    "A relative WORKDIR depends on every earlier WORKDIR, including the base image's, so the directory the program runs in is easy to get wrong.",
  severity: "warning",
  profiles: HARDENED_PROFILES,
  target: "dockerfile",
  references: { hadolint: ["DL3000"], trivy: ["DS013"], checkov: ["CKV_DOCKER_10"] },
  remediation: "Write the full path: WORKDIR /app.",
  check: (model) =>
    builtInstructions(model)
      .filter((i) => i.keyword === "WORKDIR")
      .flatMap((i) => {
        const path = i.expanded.trim().replace(/^(["'])(.*)\1$/, "$2");
        const unknownStart = i.unresolved.length > 0 && path === "";
        return unknownStart ||
          path.startsWith("/") ||
          /^[A-Za-z]:[\\/]/.test(path) ||
          path.startsWith("$")
          ? []
          : [
              violationAt(
                model,
                i,
                `WORKDIR ${i.text} is relative; expected an absolute path such as /app`,
              ),
            ];
      }),
};
