import { HARDENED_PROFILES } from "../../profile";
import { builtInstructions } from "../support/ancestry";
import { DockerfileRule, violationAt } from "../dockerfile-rule";
import { isSecretName } from "../../knowledge/secret-patterns";
import { SECRET_REFERENCES } from "../support/secret-references";

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
