import { BASE, DIGEST, RUNTIME, RuleCase, dockerfile } from "./cases";

/** Cases for the base-image rules. */
export const BASE_IMAGE_CASES: readonly RuleCase[] = [
  {
    name: "tag-only FROM",
    rule: "dockerfile-base-digest",
    dockerfile: dockerfile("FROM alpine:3.20"),
    expect: [[1, "stage[0].FROM"]],
  },
  {
    name: "pinned FROM",
    rule: "dockerfile-base-digest",
    dockerfile: dockerfile(`FROM ${BASE}`),
    expect: [],
  },
  {
    name: "FROM resolved from a global ARG default",
    rule: "dockerfile-base-digest",
    dockerfile: dockerfile("ARG IMAGE=alpine:3.20", "FROM ${IMAGE} AS runtime"),
    expect: [[2, "stage[0](runtime).FROM"]],
  },
  {
    name: "FROM from a global ARG whose default is pinned",
    rule: "dockerfile-base-digest",
    dockerfile: dockerfile(`ARG IMAGE=${BASE}`, "FROM ${IMAGE}"),
    expect: [],
  },
  {
    name: "COPY --from an unpinned external image",
    rule: "dockerfile-base-digest",
    dockerfile: dockerfile(
      `FROM ${RUNTIME}`,
      "COPY --from=nginx:1.27 /etc/nginx/nginx.conf /etc/nginx/",
    ),
    expect: [[2, "stage[0].COPY"]],
  },
  {
    name: "RUN --mount from an unpinned external image",
    rule: "dockerfile-base-digest",
    dockerfile: dockerfile(
      `FROM ${BASE}`,
      "RUN --mount=type=bind,from=golang:1.23,source=/usr/local/go,target=/go true",
    ),
    expect: [[2, "stage[0].RUN"]],
  },
  {
    name: "stages, stage indexes and scratch are not images",
    rule: "dockerfile-base-digest",
    dockerfile: dockerfile(
      `FROM ${BASE} AS build`,
      "FROM build AS test",
      "FROM scratch",
      "COPY --from=build /a /a",
      "COPY --from=1 /b /b",
    ),
    expect: [],
  },
  {
    name: "malformed digest",
    rule: "dockerfile-base-digest",
    dockerfile: dockerfile("FROM alpine@sha256:abc"),
    expect: [[1, "stage[0].FROM"]],
  },
  {
    name: "untagged",
    rule: "dockerfile-base-tag",
    dockerfile: dockerfile("FROM alpine"),
    expect: [[1, "stage[0].FROM"]],
  },
  {
    name: "latest with a digest",
    rule: "dockerfile-base-tag",
    dockerfile: dockerfile(`FROM alpine:latest@${DIGEST}`),
    expect: [[1, "stage[0].FROM"]],
  },
  {
    name: "digest without tag",
    rule: "dockerfile-base-tag",
    dockerfile: dockerfile(`FROM alpine@${DIGEST}`),
    expect: [],
  },
  {
    name: "registry outside the allowed list",
    rule: "dockerfile-allowed-registry",
    dockerfile: dockerfile(
      `FROM ghcr.io/acme/base:1@${DIGEST} AS build`,
      `FROM ${BASE}`,
      "COPY --from=build /a /a",
    ),
    allowedRegistries: ["ghcr.io/acme"],
    expect: [[2, "stage[1].FROM"]],
  },
  {
    name: "no allowed list: every registry",
    rule: "dockerfile-allowed-registry",
    dockerfile: dockerfile(`FROM ${BASE}`),
    expect: [],
  },
  {
    name: "debug variant in the final stage",
    rule: "dockerfile-final-base-debug",
    dockerfile: dockerfile(`FROM gcr.io/distroless/base-debian12:debug-nonroot@${DIGEST}`),
    expect: [[1, "stage[0].FROM"]],
  },
  {
    name: "dev variant at the root of the final stage's chain",
    rule: "dockerfile-final-base-debug",
    dockerfile: dockerfile(
      `FROM cgr.dev/chainguard/python:latest-dev@${DIGEST} AS base`,
      "FROM base AS runtime",
    ),
    expect: [[1, "stage[0](base).FROM"]],
  },
  {
    name: "debug variant only in a builder stage",
    rule: "dockerfile-final-base-debug",
    dockerfile: dockerfile(
      `FROM golang:1.23-dev@${DIGEST} AS build`,
      `FROM ${RUNTIME}`,
      "COPY --from=build /a /a",
    ),
    expect: [],
  },
  {
    name: "a # syntax= frontend pinned by digest, and no # syntax= line at all",
    rule: "dockerfile-syntax-digest",
    dockerfile: dockerfile(`# syntax=docker/dockerfile:1.7@${DIGEST}`, `FROM ${BASE}`),
    expect: [],
  },
  {
    name: "a # syntax= frontend by tag only",
    rule: "dockerfile-syntax-digest",
    dockerfile: dockerfile("# syntax=docker/dockerfile:1.7", `FROM ${BASE}`),
    expect: [[1, "directive.syntax"]],
  },
  {
    name: "a # syntax= frontend whose digest is not sha256",
    rule: "dockerfile-syntax-digest",
    dockerfile: dockerfile("# syntax=docker/dockerfile:1@sha256:abc", `FROM ${BASE}`),
    expect: [[1, "directive.syntax"]],
  },
];
