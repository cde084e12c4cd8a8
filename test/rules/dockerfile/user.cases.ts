import { BASE, RUNTIME, RuleCase, dockerfile } from "./cases";

/** Cases for the USER rules, including the multi-stage traps. */
export const USER_CASES: readonly RuleCase[] = [
  {
    name: "no USER at all",
    rule: "dockerfile-final-user",
    dockerfile: dockerfile(`FROM ${BASE}`),
    expect: [[1, "stage[0].USER"]],
  },
  {
    name: "a builder stage's USER does not hide a root final stage",
    rule: "dockerfile-final-user",
    dockerfile: dockerfile(
      `FROM ${BASE} AS build`,
      "USER 10001",
      `FROM ${BASE} AS runtime`,
      "COPY --from=build /a /a",
    ),
    expect: [[3, "stage[1](runtime).USER"]],
  },
  {
    name: "a root builder stage is not flagged",
    rule: "dockerfile-final-user",
    dockerfile: dockerfile(
      `FROM ${BASE} AS build`,
      "USER root",
      "RUN make",
      `FROM ${RUNTIME}`,
      "COPY --from=build /a /a",
      "USER 65532:65532",
    ),
    expect: [],
  },
  {
    name: "USER inherited through the alias chain",
    rule: "dockerfile-final-user",
    dockerfile: dockerfile(
      `FROM ${BASE} AS base`,
      "USER 10001:10001",
      "FROM base AS app",
      "FROM app AS runtime",
      'CMD ["/app"]',
    ),
    expect: [],
  },
  {
    name: "USER from a stage ARG whose default is 0",
    rule: "dockerfile-final-user",
    dockerfile: dockerfile(`FROM ${BASE}`, "ARG APP_UID=0", "USER ${APP_UID}"),
    expect: [[3, "stage[0].USER"]],
  },
  {
    name: "USER from a global ARG redeclared in the stage",
    rule: "dockerfile-final-user",
    dockerfile: dockerfile(
      "ARG APP_USER=root",
      `FROM ${BASE}`,
      "ARG APP_USER",
      "USER ${APP_USER}:root",
    ),
    expect: [[4, "stage[0].USER"]],
  },
  {
    name: "0:0 and root:root",
    rule: "dockerfile-final-user",
    dockerfile: dockerfile(`FROM ${BASE} AS a`, "USER root:root", `FROM ${BASE}`, "USER 0:0"),
    expect: [[4, "stage[1].USER"]],
  },
  {
    name: "switching back to root after a non-root USER",
    rule: "dockerfile-final-user",
    dockerfile: dockerfile(`FROM ${BASE}`, "USER 10001", "RUN true", "USER root"),
    expect: [[4, "stage[0].USER"]],
  },
  {
    name: "root during the build, non-root at the end",
    rule: "dockerfile-final-user",
    dockerfile: dockerfile(`FROM ${BASE}`, "USER root", "RUN true", "USER 10001"),
    expect: [],
  },
  {
    name: "--target selects the stage that must not be root",
    rule: "dockerfile-final-user",
    target: "build",
    dockerfile: dockerfile(`FROM ${BASE} AS build`, "RUN make", `FROM ${RUNTIME}`, "USER 65532"),
    expect: [[1, "stage[0](build).USER"]],
  },
  {
    name: "user name",
    rule: "dockerfile-user-numeric",
    dockerfile: dockerfile(`FROM ${BASE}`, "USER app"),
    expect: [[2, "stage[0].USER"]],
  },
  {
    name: "numeric user and group",
    rule: "dockerfile-user-numeric",
    dockerfile: dockerfile(`FROM ${BASE}`, "USER 10001:10001"),
    expect: [],
  },
  {
    name: "global ARG not redeclared in the stage cannot be verified",
    rule: "dockerfile-user-numeric",
    dockerfile: dockerfile("ARG UID=10001", `FROM ${BASE}`, "USER ${UID}"),
    expect: [[3, "stage[0].USER"]],
  },
  {
    name: "sudo in the final stage",
    rule: "dockerfile-no-sudo",
    dockerfile: dockerfile(`FROM ${BASE}`, "RUN sudo apk add --no-cache tini", "USER 10001"),
    expect: [[2, "stage[0].RUN"]],
  },
  {
    name: "sudo in a builder stage",
    rule: "dockerfile-no-sudo",
    dockerfile: dockerfile(
      `FROM ${BASE} AS build`,
      "RUN sudo make",
      `FROM ${RUNTIME}`,
      "COPY --from=build /a /a",
    ),
    expect: [],
  },
];
