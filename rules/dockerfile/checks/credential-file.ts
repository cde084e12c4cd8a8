import { HARDENED_PROFILES } from "../../profile";
import { finalInstructions } from "../support/ancestry";
import { DockerfileRule, violationAt } from "../dockerfile-rule";
import { credentialFileKind } from "../../knowledge/credential-files";
import { SECRET_REFERENCES } from "../support/secret-references";
import { copyPaths } from "../support/copy-paths";

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
