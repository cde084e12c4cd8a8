import { BASE, RuleCase, dockerfile } from "./cases";

const DEBIAN = `debian:12-slim@sha256:${"d".repeat(64)}`;

/** Cases for package-manager hygiene and a minimal final stage. */
export const PACKAGE_CASES: readonly RuleCase[] = [
  {
    name: "apt-get update alone",
    rule: "dockerfile-apt-update-alone",
    dockerfile: dockerfile(
      `FROM ${DEBIAN}`,
      "RUN apt-get update",
      "RUN apt-get update && apt-get install -y --no-install-recommends tini",
    ),
    expect: [[2, "stage[0].RUN"]],
  },
  {
    name: "apk update, yum update, dnf makecache and zypper refresh alone, but not with an install",
    rule: "dockerfile-apt-update-alone",
    dockerfile: dockerfile(
      `FROM ${BASE}`,
      "RUN apk update",
      "RUN yum -y update",
      "RUN dnf makecache",
      "RUN zypper refresh",
      "RUN apk update && apk add tini",
      "RUN dnf -y update && dnf -y install tini && dnf clean all",
      "RUN apk update && apt-get install -y --no-install-recommends tini",
    ),
    expect: [
      [2, "stage[0].RUN"],
      [3, "stage[0].RUN"],
      [4, "stage[0].RUN"],
      [5, "stage[0].RUN"],
      [8, "stage[0].RUN"],
    ],
  },
  {
    name: "apt-get -o APT::Install-Recommends=false counts as --no-install-recommends",
    rule: "dockerfile-apt-no-install-recommends",
    dockerfile: dockerfile(
      `FROM ${DEBIAN}`,
      "RUN apt-get -o APT::Install-Recommends=false install -y tini",
      "RUN apt-get install -y -oAPT::Install-Recommends=0 tini",
      "RUN apt-get -o APT::Install-Recommends=true install -y tini",
    ),
    expect: [[4, "stage[0].RUN"]],
  },
  {
    name: "install without --no-install-recommends",
    rule: "dockerfile-apt-no-install-recommends",
    dockerfile: dockerfile(
      `FROM ${DEBIAN}`,
      "RUN apt-get update && apt-get install -y tini && rm -rf /var/lib/apt/lists/*",
    ),
    expect: [[2, "stage[0].RUN"]],
  },
  {
    name: "apt lists left behind, removed, or on a cache mount",
    rule: "dockerfile-apt-lists-cleanup",
    dockerfile: dockerfile(
      `FROM ${DEBIAN}`,
      "RUN apt-get update && apt-get install -y --no-install-recommends tini",
      "RUN apt-get update && apt-get install -y --no-install-recommends tini && rm -rf /var/lib/apt/lists/*",
      "RUN --mount=type=cache,target=/var/lib/apt/lists apt-get update && apt-get install -y --no-install-recommends tini",
    ),
    expect: [[2, "stage[0].RUN"]],
  },
  {
    name: "apk add without --no-cache",
    rule: "dockerfile-apk-no-cache",
    dockerfile: dockerfile(
      `FROM ${BASE}`,
      "RUN apk add tini",
      "RUN apk add --no-cache tini",
      "RUN --mount=type=cache,target=/var/cache/apk apk add tini",
    ),
    expect: [[2, "stage[0].RUN"]],
  },
  {
    name: "pip install without --no-cache-dir",
    rule: "dockerfile-pip-no-cache-dir",
    dockerfile: dockerfile(
      `FROM ${BASE}`,
      "RUN python3 -m pip install flask",
      "RUN pip install --no-cache-dir flask",
      "RUN --mount=type=cache,target=/root/.cache/pip pip install flask",
      "ENV PIP_NO_CACHE_DIR=1",
      "RUN pip install flask",
    ),
    expect: [[2, "stage[0].RUN"]],
  },
  {
    name: "PIP_NO_CACHE_DIR=1 as a command prefix, an earlier export or an ARG counts as --no-cache-dir",
    rule: "dockerfile-pip-no-cache-dir",
    dockerfile: dockerfile(
      `FROM ${BASE}`,
      "RUN PIP_NO_CACHE_DIR=1 pip install flask",
      "RUN export PIP_NO_CACHE_DIR=1 && pip install flask",
      "RUN env PIP_NO_CACHE_DIR=true pip3 install flask",
      "RUN PIP_NO_CACHE_DIR=0 pip install flask",
      "RUN pip install flask && export PIP_NO_CACHE_DIR=1",
      "ARG PIP_NO_CACHE_DIR=1",
      "RUN pip install flask",
    ),
    expect: [
      [5, "stage[0].RUN"],
      [6, "stage[0].RUN"],
    ],
  },
  {
    name: "apt instead of apt-get",
    rule: "dockerfile-apt-get-not-apt",
    dockerfile: dockerfile(
      `FROM ${DEBIAN}`,
      "RUN apt update && apt install -y tini",
      "RUN apt-get update",
    ),
    expect: [[2, "stage[0].RUN"]],
  },
  {
    name: "tools installed or copied into the final stage",
    rule: "dockerfile-final-stage-tools",
    dockerfile: dockerfile(
      `FROM ${BASE} AS build`,
      "RUN apk add --no-cache gcc make",
      `FROM ${BASE}`,
      "RUN apk add --no-cache tini curl=8.9.1-r0 bash",
      "COPY --from=build /usr/bin/make /usr/bin/",
      "COPY --from=build /out/app /app",
    ),
    expect: [
      [4, "stage[1].RUN"],
      [5, "stage[1].COPY"],
    ],
  },
  {
    name: "system directories copied from another stage",
    rule: "dockerfile-copy-system-dirs",
    dockerfile: dockerfile(
      `FROM ${BASE} AS build`,
      "FROM scratch",
      "COPY --from=build / /",
      "COPY --from=build /usr/ /usr/",
      "COPY --from=build /usr/lib/libz.so.1 /usr/lib/",
    ),
    expect: [
      [3, "stage[1].COPY"],
      [4, "stage[1].COPY"],
    ],
  },
];
