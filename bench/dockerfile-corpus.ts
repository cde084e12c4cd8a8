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

function builderStage(next: () => number, index: number): string[] {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const image = pick(BUILDERS);
  const pinned = next() < 0.7 ? `@${digest(next)}` : "";
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
function dockerfile(next: () => number): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const builders = 1 + Math.floor(next() * 3);
  const lines = [
    "# syntax=docker/dockerfile:1.7",
    `ARG RUNTIME=${pick(RUNTIMES)}`,
    "ARG APP_UID=10001",
  ];
  for (let i = 0; i < builders; i++) {
    lines.push(...builderStage(next, i), "");
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
    lines.push("ENV API_TOKEN=changeme");
  }
  lines.push("ENV PATH=/app/bin:$PATH LANG=C.UTF-8", "EXPOSE 8080");
  lines.push(next() < 0.8 ? "USER ${APP_UID}:${APP_UID}" : "USER root");
  if (next() < 0.7) {
    lines.push('HEALTHCHECK --interval=30s CMD ["/app/bin/app0", "health"]');
  }
  lines.push(next() < 0.8 ? 'ENTRYPOINT ["/app/bin/app0"]' : "CMD /app/bin/app0 --serve");
  return `${lines.join("\n")}\n`;
}

/** `count` varied multi-stage Dockerfiles, the same on every run. */
export function dockerfileCorpus(count: number): string[] {
  const next = random(20261128);
  return Array.from({ length: count }, () => dockerfile(next));
}
