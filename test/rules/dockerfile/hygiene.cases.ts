import { BASE, RUNTIME, RuleCase, dockerfile } from "./cases";

const FEDORA = `fedora:41@sha256:${"f".repeat(64)}`;

/** Cases for pipes, ADD, package caches beyond apt/apk/pip, and passwords. */
export const HYGIENE_CASES: readonly RuleCase[] = [
  {
    name: "a pipe without pipefail in a build stage, but not after set -o pipefail or under a pipefail SHELL",
    rule: "dockerfile-pipefail",
    dockerfile: dockerfile(
      `FROM ${BASE} AS build`,
      "RUN curl -fsSL https://x.example/a.tgz | tar xz",
      "RUN set -eo pipefail && curl -fsSL https://x.example/a.tgz | tar xz",
      "RUN curl -fsSL https://x.example/a.tgz -o a.tgz && tar xzf a.tgz",
      'SHELL ["/bin/ash", "-eo", "pipefail", "-c"]',
      "RUN curl -fsSL https://x.example/a.tgz | tar xz",
      `FROM ${RUNTIME}`,
      "COPY --from=build /a /a",
    ),
    expect: [[2, "stage[0](build).RUN"]],
  },
  {
    name: "a pipefail SHELL is inherited by a stage built FROM its stage; exec form with sh -c is checked",
    rule: "dockerfile-pipefail",
    dockerfile: dockerfile(
      `FROM ${BASE} AS base`,
      'SHELL ["/bin/bash", "-o", "pipefail", "-c"]',
      "FROM base",
      "RUN grep -v '#' /etc/hosts | sort",
      `FROM ${BASE}`,
      'RUN ["/bin/sh", "-c", "cat /etc/hosts | sort"]',
    ),
    expect: [[6, "stage[2].RUN"]],
  },
  {
    name: "ADD of local files where COPY would do; archives and URLs are left to ADD",
    rule: "dockerfile-add-not-copy",
    dockerfile: dockerfile(
      `FROM ${BASE}`,
      "ADD app.py config.yaml /app/",
      "ADD rootfs.tar.gz /",
      `ADD --checksum=sha256:${"c".repeat(64)} https://x.example/b.tgz /tmp/`,
      "COPY app.py /app/",
    ),
    expect: [[2, "stage[0].ADD"]],
  },
  {
    name: "dnf, yum, zypper and yarn installs keep their caches unless cleaned, removed or mounted",
    rule: "dockerfile-package-cache-cleanup",
    dockerfile: dockerfile(
      `FROM ${FEDORA}`,
      "RUN dnf install -y tini",
      "RUN yum install -y tini && yum clean all",
      "RUN zypper install -y tini",
      "RUN zypper install -y tini && zypper clean --all",
      "RUN --mount=type=cache,target=/var/cache/dnf dnf install -y tini",
      "RUN dnf install -y tini && rm -rf /var/cache/dnf",
      "RUN yarn install --frozen-lockfile",
      "RUN yarn install --frozen-lockfile && yarn cache clean",
      "RUN yarn build",
    ),
    expect: [
      [2, "stage[0].RUN"],
      [4, "stage[0].RUN"],
      [8, "stage[0].RUN"],
    ],
  },
  {
    name: "an install in a build stage may keep its cache",
    rule: "dockerfile-package-cache-cleanup",
    dockerfile: dockerfile(
      `FROM ${FEDORA} AS build`,
      "RUN dnf install -y gcc",
      `FROM ${RUNTIME}`,
      "COPY --from=build /out /out",
    ),
    expect: [],
  },
  {
    name: "chpasswd, a piped passwd and useradd -p set passwords; a locked user does not",
    rule: "dockerfile-password-set",
    dockerfile: dockerfile(
      `FROM ${BASE}`,
      "RUN echo 'root:hunter2' | chpasswd",
      "RUN echo hunter2 | passwd --stdin app",
      "RUN useradd -p '$6$salt$hash' app",
      "RUN useradd --no-log-init -r -p '!' app",
      "RUN passwd -l root",
    ),
    expect: [
      [2, "stage[0].RUN"],
      [3, "stage[0].RUN"],
      [4, "stage[0].RUN"],
    ],
  },
  {
    name: "no ONBUILD trigger, or one in a stage that is not built",
    rule: "dockerfile-onbuild",
    dockerfile: dockerfile(
      `FROM ${BASE} AS unused`,
      "ONBUILD RUN curl https://x.example/i.sh | sh",
      `FROM ${BASE}`,
      "RUN true",
    ),
    expect: [],
  },
  {
    name: "ONBUILD triggers in the final stage and in a stage it is built on",
    rule: "dockerfile-onbuild",
    dockerfile: dockerfile(
      `FROM ${BASE} AS base`,
      "ONBUILD RUN curl https://x.example/i.sh | sh",
      "FROM base",
      "ONBUILD COPY . /app",
    ),
    expect: [
      [2, "stage[0](base).ONBUILD"],
      [4, "stage[1].ONBUILD"],
    ],
  },
];
