import { RuleExample } from "../../example";
import { FROM_ALPINE, FROM_DISTROLESS, dockerfile } from "./dockerfile-text";

/** The examples of the Dockerfile rules on how the final image runs, by rule id. */
export const RUNTIME_EXAMPLES: Readonly<Record<string, RuleExample>> = {
  "dockerfile-final-user": {
    failing: dockerfile(FROM_ALPINE, "COPY app /app", 'ENTRYPOINT ["/app"]'),
    passing: dockerfile(FROM_ALPINE, "COPY app /app", "USER 10001:10001", 'ENTRYPOINT ["/app"]'),
  },
  "dockerfile-user-numeric": {
    failing: dockerfile(FROM_ALPINE, "RUN adduser -D -u 10001 app", "USER app"),
    passing: dockerfile(FROM_ALPINE, "RUN adduser -D -u 10001 app", "USER 10001:10001"),
  },
  "dockerfile-no-sudo": {
    failing: dockerfile(FROM_ALPINE, "USER 10001", "RUN sudo apk add --no-cache ca-certificates"),
    passing: dockerfile(FROM_ALPINE, "RUN apk add --no-cache ca-certificates", "USER 10001"),
  },
  "dockerfile-healthcheck": {
    failing: dockerfile(FROM_DISTROLESS, "COPY server /app/server", 'ENTRYPOINT ["/app/server"]'),
    passing: dockerfile(
      FROM_DISTROLESS,
      "COPY server /app/server",
      'HEALTHCHECK CMD ["/app/server", "health"]',
      'ENTRYPOINT ["/app/server"]',
    ),
  },
  "dockerfile-exec-form-without-shell": {
    failing: dockerfile(FROM_DISTROLESS, "COPY server /app/server", "ENTRYPOINT /app/server"),
    passing: dockerfile(FROM_DISTROLESS, "COPY server /app/server", 'ENTRYPOINT ["/app/server"]'),
  },
  "dockerfile-expose-ssh": {
    failing: dockerfile(FROM_ALPINE, "EXPOSE 22 8080"),
    passing: dockerfile(FROM_ALPINE, "EXPOSE 8080"),
  },
  "dockerfile-privileged-port": {
    failing: dockerfile(FROM_ALPINE, "USER 10001", "EXPOSE 80"),
    passing: dockerfile(FROM_ALPINE, "USER 10001", "EXPOSE 8080"),
  },
  "dockerfile-workdir-absolute": {
    failing: dockerfile(FROM_ALPINE, "WORKDIR app"),
    passing: dockerfile(FROM_ALPINE, "WORKDIR /app"),
  },
  "dockerfile-pragma-reason-required": {
    failing: dockerfile("# hardened ignore=dockerfile-healthcheck", FROM_DISTROLESS),
    passing: dockerfile(
      '# hardened ignore=dockerfile-healthcheck reason="a batch job: the scheduler watches its exit code"',
      FROM_DISTROLESS,
    ),
  },
};
