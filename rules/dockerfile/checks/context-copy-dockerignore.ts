import { HARDENED_PROFILES } from "../../profile";
import { finalInstructions } from "../support/ancestry";
import { DockerIgnore } from "../support/dockerignore";
import { DockerfileRule, violationAt } from "../dockerfile-rule";
import { DockerfileInstruction } from "../model";
import { copyPaths } from "../support/copy-paths";

/** Paths a `.dockerignore` must exclude before the whole context may be copied. */
const SENSITIVE_CONTEXT_PATHS: readonly string[] = [
  ".git",
  ".env",
  ".env.local",
  "id_rsa",
  "id_ed25519",
  "server.key",
];

function copiesWholeContext(instruction: DockerfileInstruction): boolean {
  if (
    (instruction.keyword !== "COPY" && instruction.keyword !== "ADD") ||
    instruction.source !== undefined
  ) {
    return false;
  }
  const sources = copyPaths(instruction).slice(0, -1);
  return sources.some((s) => [".", "./", "*", "./*", "./."].includes(s));
}

/** COPY . into the final stage only with a .dockerignore that keeps secrets out. */
export const dockerfileContextCopyDockerignore: DockerfileRule = {
  id: "dockerfile-context-copy-dockerignore",
  title: "COPY . into the final stage needs a .dockerignore excluding .git, .env* and keys",
  description:
    "Copying the whole build context ships whatever is in it: the git history, local .env files, private keys. A .dockerignore next to the Dockerfile must exclude them (checked with .git, .env, .env.local, id_rsa, id_ed25519 and server.key).",
  severity: "error",
  profiles: HARDENED_PROFILES,
  target: "dockerfile",
  references: {
    cisDocker: ["4.10"],
    docs: ["https://docs.docker.com/build/concepts/context/#dockerignore-files"],
  },
  remediation:
    "Add a .dockerignore with at least: .git, .env*, *.key, id_rsa*, id_ed25519* (or start with * and re-include only what the image needs: !src, !package.json).",
  check: (model) => {
    const copies = finalInstructions(model).filter(copiesWholeContext);
    if (copies.length === 0) {
      return [];
    }
    if (model.dockerignore === undefined) {
      return copies.map((i) =>
        violationAt(
          model,
          i,
          `${i.keyword} ${i.text} copies the whole build context into the final stage, and there is no .dockerignore; expected one that excludes .git, .env* and private keys`,
        ),
      );
    }
    const ignore = new DockerIgnore(model.dockerignore);
    const kept = SENSITIVE_CONTEXT_PATHS.filter((p) => !ignore.excludes(p));
    return kept.length === 0
      ? []
      : copies.map((i) =>
          violationAt(
            model,
            i,
            `${i.keyword} ${i.text} copies the whole build context into the final stage, and .dockerignore does not exclude ${kept.join(", ")}; expected .git, .env* and private keys excluded`,
          ),
        );
  },
};
