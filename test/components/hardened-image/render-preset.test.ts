import { strict as assert } from "assert";
import { HardenedImageArgsError } from "../../../components/hardened-image/errors";
import { ImagePreset } from "../../../components/hardened-image/preset-args";
import { renderPreset } from "../../../components/hardened-image/render-preset";
import { resolvePreset } from "../../../components/hardened-image/resolve-preset";
import { pinReferences } from "../../../oci/pin/pin";
import { imageReferences } from "../../../rules/dockerfile/image-references";
import { lintDockerfile } from "../../../rules/dockerfile/lint";
import { parseDockerfile } from "../../../rules/dockerfile/parse";
import { contextWith, fakeDigest } from "./fixtures";

const OWNER = 'HardenedImage "api"';
const CONTEXT = contextWith({ "requirements.txt": "", "package-lock.json": "{}" });

function render(preset: ImagePreset): string {
  return renderPreset(resolvePreset(OWNER, CONTEXT, preset));
}

async function pinned(text: string): Promise<string> {
  const result = await pinReferences(text, imageReferences(parseDockerfile(text, { file: "D" })), {
    lock: { version: 1, images: [] },
    resolve: async () => ({
      digest: fakeDigest("a"),
      mediaType: "application/vnd.oci.image.index.v1+json",
    }),
  });
  return result.text;
}

describe("HardenedImage presets", () => {
  it("renders the python preset exactly", () => {
    assert.equal(
      render({ kind: "python" }),
      [
        '# Rendered by pulumi-hardened (HardenedImage preset "python"). Classic-builder compatible.',
        "FROM python:3.11-slim-bookworm AS build",
        "WORKDIR /build",
        "COPY requirements.txt /build/requirements.txt",
        "RUN mkdir -p /build/site-packages \\",
        "  && python3 -m pip install --no-cache-dir --no-compile --disable-pip-version-check --target /build/site-packages -r /build/requirements.txt",
        "COPY . /build/app",
        "RUN rm -rf /build/app/.git /build/app/.dockerignore /build/app/Dockerfile /build/app/Containerfile /build/app/.DS_Store \\",
        "  && python3 -m compileall -q --invalidation-mode checked-hash /build/app /build/site-packages",
        "",
        "FROM gcr.io/distroless/python3-debian12:nonroot",
        "ENV PYTHONPATH=/app/site-packages PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1",
        "WORKDIR /app",
        "COPY --from=build /build/site-packages /app/site-packages",
        "COPY --from=build /build/app /app",
        "USER 65532:65532",
        "EXPOSE 8080",
        `HEALTHCHECK --interval=30s --timeout=3s --start-period=5s --retries=3 CMD ["/usr/bin/python3","-c","import urllib.request; urllib.request.urlopen('http://127.0.0.1:8080/healthz', timeout=2)"]`,
        'ENTRYPOINT ["/usr/bin/python3","main.py"]',
        "",
      ].join("\n"),
    );
  });

  it("renders the go preset onto distroless static and the static preset onto scratch", () => {
    const go = render({ kind: "go", args: ["--port", "8080"] });
    assert.match(go, /^FROM golang:1\.23-bookworm AS build$/m);
    assert.match(go, /^ENV CGO_ENABLED=0 GOFLAGS=-trimpath$/m);
    assert.match(go, /^RUN go build -ldflags "-w -s" -o \/out\/app \.$/m);
    assert.match(go, /^FROM gcr\.io\/distroless\/static-debian12:nonroot$/m);
    assert.match(go, /^COPY --from=build \/out\/app \/app$/m);
    assert.match(go, /^ENTRYPOINT \["\/app"\]\nCMD \["--port","8080"\]$/m);
    assert.match(go, /CMD \["\/app","-healthcheck"\]$/m);
    const stat = render({ kind: "static", uid: 10001, gid: 10002 });
    assert.match(stat, /^FROM scratch$/m);
    assert.match(stat, /app:x:10001:10002:app:\/nonexistent:\/sbin\/nologin/);
    assert.match(stat, /^COPY --from=build \/out\/etc\/passwd \/out\/etc\/group \/etc\/$/m);
    assert.match(stat, /^USER 10001:10002$/m);
  });

  it("renders the node preset with npm ci --omit=dev and the distroless node binary", () => {
    const node = render({ kind: "node", command: ["server.js"], port: 3000 });
    assert.match(node, /^FROM node:22-bookworm-slim AS build$/m);
    assert.match(node, /npm ci --omit=dev --no-audit --no-fund/);
    assert.match(node, /^FROM gcr\.io\/distroless\/nodejs22-debian12:nonroot$/m);
    assert.match(node, /^EXPOSE 3000$/m);
    assert.match(node, /http:\/\/127\.0\.0\.1:3000\/healthz/);
    assert.match(node, /^ENTRYPOINT \["\/nodejs\/bin\/node","server\.js"\]$/m);
  });

  it("takes a custom health check command and timing", () => {
    const text = render({
      kind: "python",
      requirements: null,
      healthcheck: { command: ["/usr/bin/python3", "/app/check.py"], interval: "10s", retries: 5 },
    });
    assert.match(
      text,
      /^HEALTHCHECK --interval=10s --timeout=3s --start-period=5s --retries=5 CMD \["\/usr\/bin\/python3","\/app\/check\.py"\]$/m,
    );
    assert.match(text, /^RUN mkdir -p \/build\/site-packages$/m);
    assert.doesNotMatch(text, /pip install/);
  });

  const kinds: ImagePreset[] = [
    { kind: "python" },
    { kind: "python", requirements: null, uid: 10001, gid: 10001 },
    { kind: "go" },
    { kind: "static" },
    { kind: "node" },
  ];
  for (const preset of kinds) {
    it(`gives ${JSON.stringify(preset)} zero lint findings once pinned`, async () => {
      const text = await pinned(render(preset));
      assert.deepEqual(lintDockerfile(text, { file: "D" }), []);
    });
  }

  const bad: { preset: unknown; arg: string; message: RegExp }[] = [
    {
      preset: { kind: "ruby" },
      arg: "args.preset.kind",
      message: /unknown preset "ruby"; expected one of python, go, static, node/,
    },
    {
      preset: { kind: "go", uid: 0 },
      arg: "args.preset.uid",
      message: /non-zero numeric id .* got 0/,
    },
    { preset: { kind: "go", uid: "1000" }, arg: "args.preset.uid", message: /got "1000"/ },
    { preset: { kind: "go", gid: 1.5 }, arg: "args.preset.gid", message: /got 1\.5/ },
    {
      preset: { kind: "go", port: 80 },
      arg: "args.preset.port",
      message: /from 1024 to 65535 .* got 80/,
    },
    {
      preset: { kind: "python", requirements: "req/prod.txt" },
      arg: "args.preset.requirements",
      message: /"req\/prod\.txt" does not exist in the build context/,
    },
    {
      preset: { kind: "python", requirements: "../x.txt" },
      arg: "args.preset.requirements",
      message: /relative to the build context/,
    },
    {
      preset: { kind: "static", runtimeImage: "debian:12" },
      arg: "args.preset.runtimeImage",
      message: /always ends FROM scratch/,
    },
    {
      preset: { kind: "go", builderImage: "Golang:1.23" },
      arg: "args.preset.builderImage",
      message: /not a valid image reference/,
    },
    {
      preset: { kind: "python", python: "python3" },
      arg: "args.preset.python",
      message: /absolute path/,
    },
    {
      preset: { kind: "go", healthcheck: { path: "healthz" } },
      arg: "args.preset.healthcheck.path",
      message: /starting with "\/"/,
    },
    {
      preset: { kind: "go", healthcheck: { interval: "30" } },
      arg: "args.preset.healthcheck.interval",
      message: /duration/,
    },
    {
      preset: { kind: "go", healthcheck: { retries: 0 } },
      arg: "args.preset.healthcheck.retries",
      message: /positive integer/,
    },
    {
      preset: { kind: "go", healthcheck: { command: [] } },
      arg: "args.preset.healthcheck.command",
      message: /at least the program/,
    },
    {
      preset: { kind: "go", package: "/abs" },
      arg: "args.preset.package",
      message: /relative to the context/,
    },
  ];
  for (const { preset, arg, message } of bad) {
    it(`refuses ${JSON.stringify(preset)} naming ${arg}`, () => {
      assert.throws(
        () => resolvePreset(OWNER, CONTEXT, preset as ImagePreset),
        (error: unknown) =>
          error instanceof HardenedImageArgsError &&
          error.arg === arg &&
          error.message.startsWith(`${OWNER}: ${arg}: `) &&
          message.test(error.message),
      );
    });
  }

  it("refuses the node preset without package-lock.json", () => {
    assert.throws(
      () => resolvePreset(OWNER, contextWith({}), { kind: "node" }),
      /args\.preset\.kind: the node preset runs npm ci, which needs package-lock\.json/,
    );
  });
});
