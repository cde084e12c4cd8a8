import { HARDENED_PROFILES } from "../../profile";
import { builtInstructions, finalInstructions } from "../ancestry";
import { DockerIgnore } from "../dockerignore";
import { DockerfileRule, DockerfileViolation, violationAt } from "../dockerfile-rule";
import { DockerfileInstruction } from "../model";
import { credentialFileKind } from "../../knowledge/credential-files";
import { isSecretName, secretKindIn } from "../../knowledge/secret-patterns";

const SECRET_REFERENCES = {
  cisDocker: ["4.10"],
  docs: [
    "https://docs.docker.com/build/building/secrets/",
    "https://docs.docker.com/reference/build-checks/secrets-used-in-arg-or-env/",
  ],
};

/** ARG and ENV names that say they hold a secret. */
export const dockerfileSecretName: DockerfileRule = {
  id: "dockerfile-secret-name",
  title: "ARG and ENV must not carry secrets",
  description:
    "ARG values are recorded in the image history and build provenance, and ENV values are baked into the image config: anyone who can pull the image can read them.",
  severity: "error",
  profiles: HARDENED_PROFILES,
  target: "dockerfile",
  references: SECRET_REFERENCES,
  remediation:
    "Pass the secret with a build secret instead: RUN --mount=type=secret,id=npm_token,env=NPM_TOKEN npm ci (docker build --secret id=npm_token,env=NPM_TOKEN).",
  check: (model) =>
    builtInstructions(model)
      .filter((i) => i.keyword === "ARG" || i.keyword === "ENV")
      .flatMap((i) =>
        i.properties
          .filter((p) => isSecretName(p.name))
          .map((p) =>
            violationAt(
              model,
              i,
              `${i.keyword} ${p.name} looks like a secret; ${i.keyword === "ARG" ? "build arguments are kept in the image history and provenance" : "ENV values are baked into the image"}; expected a build secret (RUN --mount=type=secret)`,
            ),
          ),
      ),
};

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

/** Directories whose whole content is credentials: copying one copies the keys it holds. */
const CREDENTIAL_DIRECTORIES: ReadonlySet<string> = new Set([".ssh", ".aws"]);

/** True when a COPY/ADD source or destination path names a credential file or directory. */
function isCredentialPath(path: string): boolean {
  const normalized = path.replace(/\/+$/, "");
  return (
    credentialFileKind(normalized) !== undefined ||
    CREDENTIAL_DIRECTORIES.has(normalized.slice(normalized.lastIndexOf("/") + 1))
  );
}

function copyPaths(instruction: DockerfileInstruction): string[] {
  return instruction.words.filter((w) => !w.startsWith("<<"));
}

/** No credential files copied into the final stage. */
export const dockerfileCredentialFile: DockerfileRule = {
  id: "dockerfile-credential-file",
  title: "Credential files must not be copied into the final stage",
  description:
    "SSH keys, .npmrc, .pypirc, .netrc, .docker/config.json, cloud credentials (AWS, Google Cloud, Azure), kubeconfigs and .env files copied into the final stage ship their secrets with the image, even if a later step deletes them.",
  severity: "error",
  profiles: HARDENED_PROFILES,
  target: "dockerfile",
  references: SECRET_REFERENCES,
  remediation:
    "Mount the file only for the step that needs it: RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci.",
  check: (model) =>
    finalInstructions(model)
      .filter((i) => i.keyword === "COPY" || i.keyword === "ADD")
      .flatMap((i) => {
        const paths = copyPaths(i).filter(isCredentialPath);
        const list = paths.map((p) => `"${p}"`).join(", ");
        const message = `${i.keyword} copies ${list} into the final stage, which names credential files; expected a secret mount for the step that needs them`;
        return paths.length === 0 ? [] : [violationAt(model, i, message)];
      }),
};

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
