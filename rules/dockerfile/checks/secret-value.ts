import { HARDENED_PROFILES } from "../../profile";
import { DockerfileRule, DockerfileViolation, violationAt } from "../dockerfile-rule";
import { DockerfileInstruction } from "../model";
import { isSecretName, secretKindIn } from "../../knowledge/secret-patterns";
import { SECRET_REFERENCES } from "../support/secret-references";

function literalSecretAssignments(instruction: DockerfileInstruction): string[] {
  if (instruction.keyword !== "ARG" && instruction.keyword !== "ENV") {
    return [];
  }
  return instruction.properties
    .filter((p) => isSecretName(p.name) && p.value !== null && p.value !== "")
    .filter((p) => {
      const raw = instruction.text;
      const written = new RegExp(`(^|\\s)${p.name}\\s*=?\\s*["']?\\$`).test(raw);
      return !written;
    })
    .map((p) => p.name);
}

/** Credentials written literally anywhere in the Dockerfile. */
export const dockerfileSecretValue: DockerfileRule = {
  id: "dockerfile-secret-value",
  title: "The Dockerfile must not contain literal credentials",
  description:
    "A token, key or password written in a Dockerfile is in version control, in every build log and in the image history. Reported values are never printed.",
  severity: "error",
  profiles: HARDENED_PROFILES,
  target: "dockerfile",
  references: SECRET_REFERENCES,
  remediation:
    "Revoke the credential, remove it from the file and its git history, and pass it at build time with RUN --mount=type=secret.",
  check: (model) => {
    const violations: DockerfileViolation[] = [];
    const inspect = (i: DockerfileInstruction) => {
      const kind = secretKindIn(i.text);
      if (kind !== undefined) {
        const message = `${i.keyword} contains what looks like ${kind} (value not shown); expected no credential in the Dockerfile`;
        violations.push(violationAt(model, i, message));
        return;
      }
      const names = literalSecretAssignments(i);
      if (names.length > 0) {
        const message = `${i.keyword} gives ${names.join(", ")} a literal value (not shown); expected a build secret instead`;
        violations.push(violationAt(model, i, message));
      }
    };
    model.globalArgs.forEach(inspect);
    model.stages.forEach((s) => s.instructions.forEach(inspect));
    return violations;
  },
};
