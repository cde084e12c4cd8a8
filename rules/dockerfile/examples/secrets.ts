import { RuleExample } from "../../example";
import { FROM_ALPINE, FROM_DEBIAN, dockerfile } from "./dockerfile-text";

const NPM_CI_WITH_SECRET =
  "RUN --mount=type=secret,id=npm_token NPM_TOKEN=$(cat /run/secrets/npm_token) npm ci";

const INSTALLER = "https://get.example.com/install.sh";

const INSTALLER_CHECKSUM =
  "sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d";

/** The examples of the Dockerfile rules on secrets and what is downloaded, by rule id. */
export const SECRET_EXAMPLES: Readonly<Record<string, RuleExample>> = {
  "dockerfile-secret-name": {
    failing: dockerfile(FROM_ALPINE, "ARG NPM_TOKEN", "RUN npm ci"),
    passing: dockerfile(FROM_ALPINE, NPM_CI_WITH_SECRET),
  },
  "dockerfile-secret-value": {
    failing: dockerfile(
      FROM_ALPINE,
      "RUN git clone https://deploy:hunter2@git.example.com/acme/lib.git",
    ),
    passing: dockerfile(
      FROM_ALPINE,
      "RUN --mount=type=ssh git clone git@git.example.com:acme/lib.git",
    ),
  },
  "dockerfile-credential-file": {
    failing: dockerfile(
      FROM_ALPINE,
      "COPY id_rsa /root/.ssh/id_rsa",
      "RUN git clone git@github.com:acme/lib.git",
    ),
    passing: dockerfile(FROM_ALPINE, "RUN --mount=type=ssh git clone git@github.com:acme/lib.git"),
  },
  "dockerfile-password-set": {
    failing: dockerfile(FROM_ALPINE, "RUN adduser -D -u 10001 app && echo 'app:secret' | chpasswd"),
    passing: dockerfile(FROM_ALPINE, "RUN adduser -D -u 10001 app"),
  },
  "dockerfile-context-copy-dockerignore": {
    failing: dockerfile(FROM_ALPINE, "COPY . /app"),
    passing: dockerfile(FROM_ALPINE, "COPY src/ /app/src/"),
  },
  "dockerfile-insecure-transport": {
    failing: dockerfile(FROM_ALPINE, `RUN curl -k -fsSLo /tmp/install.sh ${INSTALLER}`),
    passing: dockerfile(FROM_ALPINE, `RUN curl -fsSLo /tmp/install.sh ${INSTALLER}`),
  },
  "dockerfile-unauthenticated-packages": {
    failing: dockerfile(
      FROM_DEBIAN,
      "RUN apt-get update && apt-get install -y --no-install-recommends --allow-unauthenticated curl && rm -rf /var/lib/apt/lists/*",
    ),
    passing: dockerfile(
      FROM_DEBIAN,
      "RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*",
    ),
  },
  "dockerfile-pipe-to-shell": {
    failing: dockerfile(FROM_ALPINE, `RUN curl -fsSL ${INSTALLER} | sh`),
    passing: dockerfile(
      FROM_ALPINE,
      `ADD --checksum=${INSTALLER_CHECKSUM} ${INSTALLER} /tmp/install.sh`,
      "RUN sh /tmp/install.sh",
    ),
  },
  "dockerfile-add-url-checksum": {
    failing: dockerfile(FROM_ALPINE, "ADD https://example.com/tool.tar.gz /tmp/"),
    passing: dockerfile(
      FROM_ALPINE,
      "ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/tool.tar.gz /tmp/",
    ),
  },
};
