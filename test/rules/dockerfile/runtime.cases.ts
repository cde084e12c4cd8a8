import { BASE, RUNTIME, RuleCase, dockerfile } from "./cases";

/** Cases for HEALTHCHECK, exec form, ports and WORKDIR. */
export const RUNTIME_CASES: readonly RuleCase[] = [
  {
    name: "no HEALTHCHECK",
    rule: "dockerfile-healthcheck",
    dockerfile: dockerfile(`FROM ${BASE} AS runtime`),
    expect: [[1, "stage[0](runtime).HEALTHCHECK"]],
  },
  {
    name: "HEALTHCHECK NONE",
    rule: "dockerfile-healthcheck",
    dockerfile: dockerfile(`FROM ${BASE}`, 'HEALTHCHECK CMD ["true"]', "HEALTHCHECK NONE"),
    expect: [[3, "stage[0].HEALTHCHECK"]],
  },
  {
    name: "HEALTHCHECK inherited through the alias chain",
    rule: "dockerfile-healthcheck",
    dockerfile: dockerfile(
      `FROM ${BASE} AS base`,
      'HEALTHCHECK CMD ["/app", "health"]',
      "FROM base AS mid",
      "FROM mid AS runtime",
    ),
    expect: [],
  },
  {
    name: "a builder's HEALTHCHECK does not count",
    rule: "dockerfile-healthcheck",
    dockerfile: dockerfile(
      `FROM ${BASE} AS build`,
      'HEALTHCHECK CMD ["true"]',
      `FROM ${RUNTIME}`,
      "COPY --from=build /a /a",
    ),
    expect: [[3, "stage[1].HEALTHCHECK"]],
  },
  {
    name: "shell-form CMD, ENTRYPOINT and HEALTHCHECK on distroless",
    rule: "dockerfile-exec-form-without-shell",
    dockerfile: dockerfile(
      `FROM ${RUNTIME}`,
      "HEALTHCHECK --interval=5s CMD /app health",
      "ENTRYPOINT /app",
      'CMD ["--port", "8080"]',
    ),
    expect: [
      [2, "stage[0].HEALTHCHECK"],
      [3, "stage[0].ENTRYPOINT"],
    ],
  },
  {
    name: "shell-form CMD on scratch",
    rule: "dockerfile-exec-form-without-shell",
    dockerfile: dockerfile("FROM scratch", "CMD /app"),
    expect: [[2, "stage[0].CMD"]],
  },
  {
    name: "shell-form CMD on an image with a shell",
    rule: "dockerfile-exec-form-without-shell",
    dockerfile: dockerfile(`FROM ${BASE}`, "CMD /app"),
    expect: [],
  },
  {
    name: "distroless debug has a shell",
    rule: "dockerfile-exec-form-without-shell",
    dockerfile: dockerfile(
      `FROM gcr.io/distroless/base-debian12:debug@sha256:${"b".repeat(64)}`,
      "CMD /app",
    ),
    expect: [],
  },
  {
    name: "EXPOSE 22/tcp",
    rule: "dockerfile-expose-ssh",
    dockerfile: dockerfile(`FROM ${BASE}`, "EXPOSE 8080 22/tcp"),
    expect: [[2, "stage[0].EXPOSE"]],
  },
  {
    name: "EXPOSE 2222",
    rule: "dockerfile-expose-ssh",
    dockerfile: dockerfile(`FROM ${BASE}`, "EXPOSE 2222"),
    expect: [],
  },
  {
    name: "privileged port with a non-root user",
    rule: "dockerfile-privileged-port",
    dockerfile: dockerfile(`FROM ${BASE}`, "ARG PORT=80", "EXPOSE ${PORT} 8080", "USER 10001"),
    expect: [[3, "stage[0].EXPOSE"]],
  },
  {
    name: "privileged port while root (reported by dockerfile-final-user instead)",
    rule: "dockerfile-privileged-port",
    dockerfile: dockerfile(`FROM ${BASE}`, "EXPOSE 80"),
    expect: [],
  },
  {
    name: "relative WORKDIR",
    rule: "dockerfile-workdir-absolute",
    dockerfile: dockerfile(`FROM ${BASE}`, "WORKDIR app", "WORKDIR /srv"),
    expect: [[2, "stage[0].WORKDIR"]],
  },
  {
    name: "WORKDIR in a stage the target never builds",
    rule: "dockerfile-workdir-absolute",
    dockerfile: dockerfile(`FROM ${BASE} AS unused`, "WORKDIR app", `FROM ${BASE}`, "WORKDIR /srv"),
    expect: [],
  },
];
