import { EXAMPLE_DIGEST, RuleExample } from "../../example";
import { FROM_ALPINE, FROM_DEBIAN, FROM_DISTROLESS, dockerfile } from "./dockerfile-text";

const FROM_PYTHON = `FROM python:3.12-slim@${EXAMPLE_DIGEST}`;

const FROM_FEDORA = `FROM fedora:40@${EXAMPLE_DIGEST}`;

const APT_INSTALL =
  "RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates && rm -rf /var/lib/apt/lists/*";

/** The examples of the Dockerfile rules on packages and build hygiene, by rule id. */
export const PACKAGE_EXAMPLES: Readonly<Record<string, RuleExample>> = {
  "dockerfile-apt-update-alone": {
    failing: dockerfile(
      FROM_DEBIAN,
      "RUN apt-get update",
      "RUN apt-get install -y --no-install-recommends ca-certificates && rm -rf /var/lib/apt/lists/*",
    ),
    passing: dockerfile(FROM_DEBIAN, APT_INSTALL),
  },
  "dockerfile-apt-no-install-recommends": {
    failing: dockerfile(
      FROM_DEBIAN,
      "RUN apt-get update && apt-get install -y ca-certificates && rm -rf /var/lib/apt/lists/*",
    ),
    passing: dockerfile(FROM_DEBIAN, APT_INSTALL),
  },
  "dockerfile-apt-lists-cleanup": {
    failing: dockerfile(
      FROM_DEBIAN,
      "RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates",
    ),
    passing: dockerfile(FROM_DEBIAN, APT_INSTALL),
  },
  "dockerfile-apt-get-not-apt": {
    failing: dockerfile(
      FROM_DEBIAN,
      "RUN apt update && apt install -y --no-install-recommends ca-certificates && rm -rf /var/lib/apt/lists/*",
    ),
    passing: dockerfile(FROM_DEBIAN, APT_INSTALL),
  },
  "dockerfile-apk-no-cache": {
    failing: dockerfile(FROM_ALPINE, "RUN apk add ca-certificates"),
    passing: dockerfile(FROM_ALPINE, "RUN apk add --no-cache ca-certificates"),
  },
  "dockerfile-pip-no-cache-dir": {
    failing: dockerfile(FROM_PYTHON, "RUN pip install -r requirements.txt"),
    passing: dockerfile(FROM_PYTHON, "RUN pip install --no-cache-dir -r requirements.txt"),
  },
  "dockerfile-package-cache-cleanup": {
    failing: dockerfile(FROM_FEDORA, "RUN dnf install -y ca-certificates"),
    passing: dockerfile(FROM_FEDORA, "RUN dnf install -y ca-certificates && dnf clean all"),
  },
  "dockerfile-final-stage-tools": {
    failing: dockerfile(FROM_ALPINE, "RUN apk add --no-cache curl", "COPY app /app"),
    passing: dockerfile(FROM_DISTROLESS, "COPY app /app"),
  },
  "dockerfile-copy-system-dirs": {
    failing: dockerfile(
      `${FROM_ALPINE} AS build`,
      "RUN apk add --no-cache jq",
      FROM_DISTROLESS,
      "COPY --from=build /usr/bin /usr/bin",
    ),
    passing: dockerfile(
      `${FROM_ALPINE} AS build`,
      "RUN apk add --no-cache jq",
      FROM_DISTROLESS,
      "COPY --from=build /usr/bin/jq /usr/bin/jq",
    ),
  },
  "dockerfile-add-not-copy": {
    failing: dockerfile(FROM_ALPINE, "ADD app /app"),
    passing: dockerfile(FROM_ALPINE, "COPY app /app"),
  },
  "dockerfile-onbuild": {
    failing: dockerfile(FROM_ALPINE, "ONBUILD COPY . /app"),
    passing: dockerfile(FROM_ALPINE, "COPY app /app"),
  },
  "dockerfile-pipefail": {
    failing: dockerfile(
      FROM_ALPINE,
      "RUN wget -qO- https://example.com/tool.tar.gz | tar xz -C /opt",
    ),
    passing: dockerfile(
      FROM_ALPINE,
      'SHELL ["/bin/ash", "-eo", "pipefail", "-c"]',
      "RUN wget -qO- https://example.com/tool.tar.gz | tar xz -C /opt",
    ),
  },
};
