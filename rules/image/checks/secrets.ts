import { HARDENED_PROFILES } from "../../profile";
import { Violation } from "../../rule";
import { ImageRule } from "../image-rule";
import { secretAssignment, secretInText, splitAssignment } from "../secret-patterns";

const ENV_INSTRUCTION = /^(?:\/bin\/sh -c #\(nop\)\s+)?ENV\s+(.+)$/;

/**
 * Build-argument values a RUN saw, as the history records them: `|2 A=1 B=2 /bin/sh -c ...`
 * (classic builder) or `RUN |2 A=1 B=2 /bin/sh -c ...` (BuildKit).
 */
const BUILD_ARGS = /^(?:RUN )?\|(\d+)\s+(.*)$/;

function envAssignments(instruction: string): string[] {
  const body = ENV_INSTRUCTION.exec(instruction)?.[1];
  if (body === undefined) {
    return [];
  }
  const legacy = /^([A-Za-z_][A-Za-z0-9_]*)\s+([^=]*)$/.exec(body);
  if (legacy !== null) {
    return [`${legacy[1]}=${legacy[2]}`];
  }
  return [...body.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=("(?:[^"\\]|\\.)*"|\S*)/g)].map(
    (m) => `${m[1]}=${m[2].replace(/^"(.*)"$/, "$1")}`,
  );
}

/** No secrets in ENV, in the final config or in any ENV step of the history. */
export const imageSecretEnv: ImageRule = {
  id: "image-secret-env",
  title: "The image's environment must not hold secrets",
  description:
    "ENV values are stored in the image config and history in clear text: anyone who can pull the image (or run docker inspect) reads them, even after a later ENV clears them.",
  severity: "error",
  profiles: HARDENED_PROFILES,
  target: "image",
  references: { cisDocker: ["4.10"], dockle: ["CIS-DI-0010"], trivy: ["DS031"] },
  remediation:
    "Inject secrets at run time (a Kubernetes Secret mounted as a file, a secret manager) and keep only the path in ENV (e.g. DB_PASSWORD_FILE=/run/secrets/db).",
  check: ({ model }) => {
    const violations: Violation[] = [];
    const reported = new Set<string>();
    model.config.env.forEach((assignment, i) => {
      const [name, value] = splitAssignment(assignment);
      const why = secretAssignment(name, value);
      if (why !== undefined) {
        reported.add(name);
        violations.push({
          path: `config.Env[${i}]`,
          message: `the environment variable ${name} looks like a secret (${why}; value not shown); expected no secrets in ENV`,
          container: null,
        });
      }
    });
    model.history.forEach((step, i) => {
      for (const assignment of envAssignments(step.createdBy)) {
        const [name, value] = splitAssignment(assignment);
        const why = secretAssignment(name, value);
        if (why !== undefined && !reported.has(name)) {
          reported.add(name);
          violations.push({
            path: `history[${i}]`,
            message: `history step ${i} sets ENV ${name}, which looks like a secret (${why}; value not shown) and stays readable in the image history although the final config no longer has it; expected no secrets in ENV`,
            container: null,
          });
        }
      }
    });
    return violations;
  },
};

/** No secrets in the other build steps the history records. */
export const imageSecretHistory: ImageRule = {
  id: "image-secret-history",
  title: "The image's build history must not hold secrets",
  description:
    "The history stores every RUN command line and the build arguments it saw (docker history shows them). A token passed as a build argument or typed into a RUN is published with the image.",
  severity: "error",
  profiles: HARDENED_PROFILES,
  target: "image",
  references: { cisDocker: ["4.10"], dockle: ["CIS-DI-0010"], trivy: ["DS031"] },
  remediation:
    "Use BuildKit secrets (RUN --mount=type=secret,id=token) instead of ARG or literal values, and rotate any secret that was pushed.",
  check: ({ model }) =>
    model.history.flatMap((step, i) => {
      if (ENV_INSTRUCTION.test(step.createdBy)) {
        return [];
      }
      const args = BUILD_ARGS.exec(step.createdBy);
      const reasons: string[] = [];
      if (args !== null) {
        const assignments = args[2].split(/\s+/).slice(0, Number(args[1]));
        for (const assignment of assignments) {
          const [name, value] = splitAssignment(assignment);
          const why = secretAssignment(name, value);
          if (why !== undefined) {
            reasons.push(`the build argument ${name} (${why})`);
          }
        }
      }
      const inText = secretInText(step.createdBy);
      if (inText !== undefined) {
        reasons.push(`the command (${inText})`);
      }
      return reasons.length === 0
        ? []
        : [
            {
              path: `history[${i}]`,
              message: `history step ${i} records a secret in ${reasons.join(" and ")}; value not shown; expected no secrets in build steps`,
              container: null,
            },
          ];
    }),
};
