import { EXAMPLE_DIGEST, RuleExample } from "../../example";
import { FROM_ALPINE, dockerfile } from "./dockerfile-text";

/** The examples of the Dockerfile rules on base and frontend images, by rule id. */
export const BASE_IMAGE_EXAMPLES: Readonly<Record<string, RuleExample>> = {
  "dockerfile-base-digest": {
    failing: dockerfile("FROM alpine:3.20", "COPY app /app"),
    passing: dockerfile(FROM_ALPINE, "COPY app /app"),
  },
  "dockerfile-base-tag": {
    failing: dockerfile(`FROM alpine:latest@${EXAMPLE_DIGEST}`, "COPY app /app"),
    passing: dockerfile(FROM_ALPINE, "COPY app /app"),
  },
  "dockerfile-allowed-registry": {
    failing: dockerfile(`FROM docker.io/library/alpine:3.20@${EXAMPLE_DIGEST}`, "COPY app /app"),
    passing: dockerfile(`FROM ghcr.io/acme/base:3.20@${EXAMPLE_DIGEST}`, "COPY app /app"),
    settings: { allowedRegistries: ["ghcr.io/acme"] },
  },
  "dockerfile-final-base-debug": {
    failing: dockerfile(
      `FROM gcr.io/distroless/static-debian12:debug-nonroot@${EXAMPLE_DIGEST}`,
      "COPY app /app",
    ),
    passing: dockerfile(
      `FROM gcr.io/distroless/static-debian12:nonroot@${EXAMPLE_DIGEST}`,
      "COPY app /app",
    ),
  },
  "dockerfile-syntax-digest": {
    failing: dockerfile("# syntax=docker/dockerfile:1", FROM_ALPINE, "COPY app /app"),
    passing: dockerfile(
      `# syntax=docker/dockerfile:1@${EXAMPLE_DIGEST}`,
      FROM_ALPINE,
      "COPY app /app",
    ),
  },
};
