/** A small deterministic pseudo-random generator (mulberry32), so every run lints the same corpus. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HEX = "0123456789abcdef";

function digest(next: () => number): string {
  let out = "sha256:";
  for (let i = 0; i < 64; i++) {
    out += HEX[Math.floor(next() * 16)];
  }
  return out;
}

const BUILDERS = [
  "golang:1.23-bookworm",
  "node:22-bookworm-slim",
  "python:3.12-slim-bookworm",
  "eclipse-temurin:21-jdk",
  "rust:1.82-bookworm",
];
const RUNTIMES = [
  "gcr.io/distroless/static-debian12:nonroot",
  "gcr.io/distroless/base-debian12:nonroot",
  "alpine:3.20",
  "debian:12-slim",
  "ubuntu:24.04",
  "scratch",
];

/** Base images with no shell: a shell-form CMD fails to start on them. */
const SHELL_LESS = (image: string) => image === "scratch" || image.includes("/distroless/");

/**
 * The problems the generator plants in a Dockerfile, each with the project's rule ids that report it
 * (one of them is enough). Peers' ids come from each rule's references in the catalog.
 */
export const DOCKERFILE_PROBLEMS = {
  "base-not-pinned": ["dockerfile-base-digest"],
  "remote-script-piped-to-shell": ["dockerfile-pipe-to-shell"],
  "pipe-without-pipefail": ["dockerfile-pipefail"],
  "runs-as-root": ["dockerfile-final-user"],
  "no-healthcheck": ["dockerfile-healthcheck"],
  "secret-in-env": ["dockerfile-secret-name", "dockerfile-secret-value"],
  "shell-form-on-shell-less-base": ["dockerfile-exec-form-without-shell"],
} as const satisfies Record<string, readonly string[]>;

/** A planted Dockerfile problem's name. */
export type DockerfileProblem = keyof typeof DOCKERFILE_PROBLEMS;

/** A generated Dockerfile and the problems planted in it. */
export interface GeneratedDockerfile {
  readonly text: string;
  readonly planted: readonly DockerfileProblem[];
}

function builderStage(
  next: () => number,
  index: number,
  planted: Set<DockerfileProblem>,
): string[] {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const image = pick(BUILDERS);
  const pinned = next() < 0.7 ? `@${digest(next)}` : "";
  if (pinned === "") planted.add("base-not-pinned");
  const lines = [
    `FROM --platform=$BUILDPLATFORM ${image}${pinned} AS build${index}`,
    "WORKDIR /src",
    "COPY . .",
  ];
  if (next() < 0.5) {
    lines.push(
      "RUN apt-get update \\",
      "    && apt-get install -y --no-install-recommends \\",
      "       build-essential ca-certificates git \\",
      "    && rm -rf /var/lib/apt/lists/*",
    );
  }
  if (next() < 0.3) {
    planted.add("remote-script-piped-to-shell").add("pipe-without-pipefail");
    lines.push(
      "RUN <<EOF",
      "set -eux",
      "curl -fsSL https://tools.example.com/install.sh | sh",
      "make -j4 all",
      "EOF",
    );
  }
  lines.push(`RUN --mount=type=cache,target=/root/.cache make build OUT=/out/app${index}`);
  return lines;
}

/** One multi-stage Dockerfile: 1 to 3 builder stages, then a runtime stage with varied hygiene. */
function dockerfile(next: () => number): GeneratedDockerfile {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const planted = new Set<DockerfileProblem>();
  const builders = 1 + Math.floor(next() * 3);
  const runtime = pick(RUNTIMES);
  if (runtime !== "scratch") planted.add("base-not-pinned");
  const lines = [
    "# syntax=docker/dockerfile:1.7@sha256:a57df69d0ea827fb7266491f2813635de6f17269be881f696fbfdf2d83dda33e",
    `ARG RUNTIME=${runtime}`,
    "ARG APP_UID=10001",
  ];
  for (let i = 0; i < builders; i++) {
    lines.push(...builderStage(next, i, planted), "");
  }
  lines.push(`FROM \${RUNTIME} AS runtime`, "ARG APP_UID", "WORKDIR /app");
  for (let i = 0; i < builders; i++) {
    lines.push(`COPY --from=build${i} /out/app${i} /app/bin/app${i}`);
  }
  if (next() < 0.3) {
    lines.push(
      '# hardened ignore=dockerfile-final-stage-tools reason="needed by the entrypoint"',
      "RUN apk add --no-cache tini curl",
    );
  }
  if (next() < 0.2) {
    planted.add("secret-in-env");
    lines.push("ENV API_TOKEN=changeme");
  }
  lines.push("ENV PATH=/app/bin:$PATH LANG=C.UTF-8", "EXPOSE 8080");
  if (next() < 0.8) {
    lines.push("USER ${APP_UID}:${APP_UID}");
  } else {
    planted.add("runs-as-root");
    lines.push("USER root");
  }
  if (next() < 0.7) {
    lines.push('HEALTHCHECK --interval=30s CMD ["/app/bin/app0", "health"]');
  } else {
    planted.add("no-healthcheck");
  }
  if (next() < 0.8) {
    lines.push('ENTRYPOINT ["/app/bin/app0"]');
  } else {
    if (SHELL_LESS(runtime)) planted.add("shell-form-on-shell-less-base");
    lines.push("CMD /app/bin/app0 --serve");
  }
  return { text: `${lines.join("\n")}\n`, planted: [...planted].sort() };
}

/** `count` varied multi-stage Dockerfiles and the problems planted in each, the same on every run. */
export function plantedDockerfileCorpus(count: number): GeneratedDockerfile[] {
  const next = random(20261128);
  return Array.from({ length: count }, () => dockerfile(next));
}

/** `count` varied multi-stage Dockerfiles, the same on every run. */
export function dockerfileCorpus(count: number): string[] {
  return plantedDockerfileCorpus(count).map((d) => d.text);
}
