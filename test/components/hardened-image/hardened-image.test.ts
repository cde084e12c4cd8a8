import { strict as assert } from "assert";
import { existsSync, readFileSync, writeFileSync } from "fs";
import { join } from "path";
import * as pulumi from "@pulumi/pulumi";
import { HardenedDeployment } from "../../../components/hardened-deployment/hardened-deployment";
import { ImageSource } from "../../../components/hardened-deployment/image-source";
import {
  HardenedImageArgsError,
  HardenedImageLintError,
  HardenedImagePinError,
  ImageDigestError,
} from "../../../components/hardened-image/errors";
import { HardenedImage } from "../../../components/hardened-image/hardened-image";
import { HardenedImageArgs } from "../../../components/hardened-image/args";
import { contextDigest } from "../../../components/hardened-image/build/context-digest";
import { HARDENED_IMAGE_BUILD_TYPE } from "../../../rules/docker-resource";
import {
  PLAIN_REGISTRY,
  Pushed,
  closedPort,
  pushImage,
  requireRegistries,
  uniqueRepository,
} from "../../../dev/registry";
import { contextWith } from "./fixtures";
import { PUSHED_DIGEST, Registered, mockResources, valueOf } from "./mocks";

const repo = uniqueRepository("hardened-image");
const PYTHON = `${PLAIN_REGISTRY}/${repo}/python:3.11-slim-bookworm`;
const RUNTIME = `${PLAIN_REGISTRY}/${repo}/distroless-python:nonroot`;
const DEBIAN = `${PLAIN_REGISTRY}/${repo}/debian:12.8`;
const APP = `${PLAIN_REGISTRY}/${repo}/app`;
let pushed: Record<"python" | "runtime" | "debian" | "moved", Pushed>;

/** The build step's inputs, once the component's outputs have resolved (registration is async). */
async function imageInputs(
  image: HardenedImage,
  registered: readonly Registered[],
): Promise<Record<string, unknown>> {
  await valueOf(image.ref);
  const found = registered.filter((r) => r.type === HARDENED_IMAGE_BUILD_TYPE);
  assert.equal(found.length, 1, `expected one ${HARDENED_IMAGE_BUILD_TYPE}`);
  return found[0].inputs;
}

/** The value inside a secret-marked input, which must be one (a secret may wrap a secret). */
function revealSecret(input: unknown): unknown {
  const wrapped = input as Record<string, unknown>;
  assert.equal(wrapped[pulumi.runtime.specialSigKey], pulumi.runtime.specialSecretSig);
  const value = wrapped.value as Record<string, unknown>;
  return value[pulumi.runtime.specialSigKey] === undefined ? value : revealSecret(value);
}

function pythonContext(): string {
  return contextWith({ "requirements.txt": "", "main.py": "print('hi')\n" });
}

/** The mocked push reports a digest the registry does not hold: verification is tested in verify.test.ts. */
const NO_VERIFY = { verify: false } as const;

/**
 * These tests pin at the local registry: not offline, although they run under mocks. They build
 * nothing, so they name the classic builder rather than ask the Docker engine which it has.
 */
const ONLINE = { offline: false, builderVersion: "BuilderV1" } as const;

function pythonArgs(context: string): HardenedImageArgs {
  return {
    imageName: `${APP}:v1`,
    context,
    preset: { kind: "python", builderImage: PYTHON, runtimeImage: RUNTIME },
    ...NO_VERIFY,
    ...ONLINE,
  };
}

async function settle<T>(promise: Promise<T>): Promise<T | Error> {
  return promise.catch((error: Error) => error);
}

describe("HardenedImage", function () {
  let registered: Registered[];

  before(async function () {
    await requireRegistries(this);
    pushed = {
      python: await pushImage(PLAIN_REGISTRY, `${repo}/python`, "3.11-slim-bookworm", {
        marker: "python",
      }),
      runtime: await pushImage(PLAIN_REGISTRY, `${repo}/distroless-python`, "nonroot", {
        marker: "runtime",
      }),
      debian: await pushImage(PLAIN_REGISTRY, `${repo}/debian`, "12.8", { marker: "debian" }),
      moved: await pushImage(PLAIN_REGISTRY, `${repo}/python`, null, { marker: "moved" }),
    };
  });

  beforeEach(() => {
    registered = mockResources();
  });

  describe("with a preset", () => {
    it("pins, lints and hands the rendered Dockerfile to its build step, laid out like dockerbuild.Image", async () => {
      const context = pythonContext();
      const image = new HardenedImage("api", {
        ...pythonArgs(context),
        buildArgs: { APP_VERSION: "1.2.3" },
        platform: "linux/amd64",
        registry: { server: PLAIN_REGISTRY, username: "ci", password: "not-a-real-password" },
      });
      const dockerfile = await valueOf(image.dockerfile);
      const inputs = await imageInputs(image, registered);
      const { __provider: provider, registry, ...recorded } = inputs;
      assert.deepEqual(revealSecret(registry), {
        server: PLAIN_REGISTRY,
        username: "ci",
        password: "not-a-real-password",
      });
      assert.match(String(provider), /DOCKER_BUILDKIT/);
      assert.deepEqual(recorded, {
        tags: [`${APP}:v1`],
        repository: APP,
        context: { location: context },
        dockerfile: { inline: dockerfile },
        contextDigest: contextDigest(context, undefined),
        buildArgs: { APP_VERSION: "1.2.3" },
        platforms: ["linux/amd64"],
        builder: "classic",
        dockerCli: "docker",
      });
      assert.match(
        dockerfile,
        new RegExp(`^FROM ${PYTHON}@${pushed.python.digest} AS build$`, "m"),
      );
      assert.match(dockerfile, new RegExp(`^FROM ${RUNTIME}@${pushed.runtime.digest}$`, "m"));
      assert.match(
        dockerfile,
        new RegExp(
          `^LABEL org\\.opencontainers\\.image\\.base\\.name="${RUNTIME}" \\\\\\n      org\\.opencontainers\\.image\\.base\\.digest="${pushed.runtime.digest}"$`,
          "m",
        ),
      );
      assert.equal(await valueOf(image.ref), `${APP}@${PUSHED_DIGEST}`);
      assert.equal(await valueOf(image.digest), PUSHED_DIGEST);
      assert.deepEqual(await valueOf(image.user), { uid: 65532, gid: 65532 });
      assert.deepEqual(await valueOf(image.findings), []);
      assert.equal(await valueOf(image.report), undefined);
      assert.equal(await valueOf(image.reportJson), undefined);
      assert.deepEqual(await valueOf(image.imageFindings), []);
      assert.deepEqual(await valueOf(image.baseImages), [
        {
          name: `${PLAIN_REGISTRY}/${repo}/python`,
          tag: "3.11-slim-bookworm",
          digest: pushed.python.digest,
        },
        {
          name: `${PLAIN_REGISTRY}/${repo}/distroless-python`,
          tag: "nonroot",
          digest: pushed.runtime.digest,
        },
      ]);
      const lock = JSON.parse(readFileSync(join(context, "hardened.lock.json"), "utf8"));
      assert.deepEqual(
        lock.images.map((e: { reference: string; digest: string }) => [e.reference, e.digest]),
        [
          [`${RUNTIME}`, pushed.runtime.digest],
          [`${PYTHON}`, pushed.python.digest],
        ],
      );
      const source: ImageSource = image;
      assert.equal(await valueOf(source.ref as typeof image.ref), `${APP}@${PUSHED_DIGEST}`);
    });

    it("feeds HardenedDeployment its digest and numeric user", async () => {
      const image = new HardenedImage("web", pythonArgs(pythonContext()));
      const deployment = new HardenedDeployment("web", {
        image,
        resources: "small",
        namespace: "shop",
        ports: [{ port: 8080 }],
        livenessProbe: { httpGet: { path: "/healthz", port: "http" } },
        readinessProbe: { httpGet: { path: "/healthz", port: "http" } },
      });
      const podSpec = (await valueOf(deployment.podSpec)) as {
        containers: { image: string }[];
        securityContext: { runAsUser: number; runAsGroup: number };
      };
      assert.equal(podSpec.containers[0].image, `${APP}@${PUSHED_DIGEST}`);
      assert.equal(podSpec.securityContext.runAsUser, 65532);
      assert.equal(podSpec.securityContext.runAsGroup, 65532);
    });

    it("fails when the build step reports no digest-form ref", async () => {
      registered = mockResources({ repoDigest: `${APP}:v1` });
      const image = new HardenedImage("nodigest", pythonArgs(pythonContext()));
      const error = await settle(valueOf(image.ref));
      assert.ok(error instanceof ImageDigestError, String(error));
      assert.match(
        error.message,
        new RegExp(
          `HardenedImage "nodigest": the build step reported the pushed image as "${APP}:v1"; expected <repository>@sha256:<64 hex digits>`,
        ),
      );
    });

    it("pins and lints during a preview too, writing no lock file into the context", async () => {
      registered = mockResources({ preview: true });
      const context = pythonContext();
      const image = new HardenedImage("preview", pythonArgs(context));
      assert.match(
        await valueOf(image.dockerfile),
        new RegExp(`^FROM ${RUNTIME}@${pushed.runtime.digest}$`, "m"),
      );
      assert.equal(existsSync(join(context, "hardened.lock.json")), false);
    });

    it("takes digests from the lock file, and from the registry with updatePins", async () => {
      const context = pythonContext();
      const entry = (reference: string, digest: string) => ({
        reference,
        registry: PLAIN_REGISTRY,
        digest,
        mediaType: "application/vnd.oci.image.manifest.v1+json",
        resolvedAt: "2026-01-01T00:00:00.000Z",
      });
      writeFileSync(
        join(context, "pins.json"),
        JSON.stringify({
          version: 1,
          images: [entry(PYTHON, pushed.moved.digest), entry(RUNTIME, pushed.runtime.digest)],
        }),
      );
      const lockFile = join(context, "pins.json");
      const locked = new HardenedImage("locked", { ...pythonArgs(context), lockFile });
      assert.match(
        await valueOf(locked.dockerfile),
        new RegExp(`^FROM ${PYTHON}@${pushed.moved.digest} AS build$`, "m"),
      );
      assert.equal(existsSync(join(context, "hardened.lock.json")), false);
      const updated = new HardenedImage("updated", {
        ...pythonArgs(context),
        lockFile,
        updatePins: true,
      });
      assert.match(
        await valueOf(updated.dockerfile),
        new RegExp(`^FROM ${PYTHON}@${pushed.python.digest} AS build$`, "m"),
      );
      assert.match(readFileSync(lockFile, "utf8"), new RegExp(pushed.python.digest));
    });

    it("fails naming the image and the registry when the registry is unreachable", async () => {
      const port = await closedPort();
      const image = new HardenedImage("offline", {
        ...pythonArgs(pythonContext()),
        lockFile: null,
        preset: {
          kind: "python",
          builderImage: `127.0.0.1:${port}/python:3.11`,
          runtimeImage: RUNTIME,
        },
      });
      const error = await settle(valueOf(image.dockerfile));
      assert.ok(error instanceof HardenedImagePinError, String(error));
      assert.match(
        error.message,
        new RegExp(
          `HardenedImage "offline": cannot pin the base images of preset:python: cannot reach registry 127\\.0\\.0\\.1:${port} for 127\\.0\\.0\\.1:${port}/python:3\\.11`,
        ),
      );
    });
  });

  describe("with your Dockerfile", () => {
    it("fails with every blocking finding when the final stage runs as root", async () => {
      const context = contextWith({
        Dockerfile: `FROM ${DEBIAN}\nUSER root\nENTRYPOINT ["/bin/true"]\nHEALTHCHECK CMD ["/bin/true"]\n`,
      });
      const image = new HardenedImage("root", {
        imageName: `${APP}:root`,
        context,
        ...NO_VERIFY,
        ...ONLINE,
      });
      const error = await settle(valueOf(image.dockerfile));
      assert.ok(error instanceof HardenedImageLintError, String(error));
      assert.deepEqual(
        error.findings.map((f) => [f.ruleId, f.line, f.path]),
        [["dockerfile-final-user", 2, "stage[0].USER"]],
      );
      assert.match(
        error.message,
        /HardenedImage "root": .*Dockerfile breaks a hardening rule, so the image is not built:\n {2}- dockerfile-final-user at \S*Dockerfile:2 stage\[0\]\.USER: /,
      );
    });

    it("builds with warnings reported as findings, the target and the lock next to the Dockerfile", async () => {
      const context = contextWith({
        Dockerfile: `FROM ${DEBIAN} AS runtime\nUSER 10001\nENTRYPOINT ["/bin/true"]\nFROM runtime AS unused\n`,
      });
      const image = new HardenedImage("warned", {
        imageName: `${APP}:warned`,
        context,
        ...NO_VERIFY,
        ...ONLINE,
        target: "runtime",
        labels: {
          source: "https://example.com/app.git",
          revision: "abc123",
          created: "2026-11-28T00:00:00Z",
        },
      });
      const findings = await valueOf(image.findings);
      assert.deepEqual(
        findings.map((f) => [f.ruleId, f.severity]),
        [["dockerfile-healthcheck", "warning"]],
      );
      assert.equal(await valueOf(image.user), undefined);
      const inputs = await imageInputs(image, registered);
      assert.equal(inputs.target, "runtime");
      const dockerfile = await valueOf(image.dockerfile);
      assert.match(
        dockerfile,
        /^LABEL org\.opencontainers\.image\.source="https:\/\/example\.com\/app\.git" \\\n {6}org\.opencontainers\.image\.revision="abc123" \\\n {6}org\.opencontainers\.image\.created="2026-11-28T00:00:00Z" \\\n/m,
      );
      assert.ok(dockerfile.indexOf("LABEL") < dockerfile.indexOf("FROM runtime AS unused"));
      assert.equal(existsSync(join(context, "hardened.lock.json")), true);
    });

    it("appends the harden stages and builds the new final stage", async () => {
      const context = contextWith({
        Dockerfile: `FROM ${DEBIAN}\nENV APP_HOME=/srv\nWORKDIR /srv\nUSER 10001:10001\nHEALTHCHECK CMD ["/usr/bin/true"]\nENTRYPOINT ["/usr/bin/sleep", "infinity"]\n`,
      });
      const image = new HardenedImage("stripped", {
        imageName: `${APP}:stripped`,
        context,
        ...NO_VERIFY,
        ...ONLINE,
        harden: {},
      });
      const dockerfile = await valueOf(image.dockerfile);
      assert.match(
        dockerfile,
        new RegExp(`^FROM ${DEBIAN}@${pushed.debian.digest} AS hardened-source$`, "m"),
      );
      assert.match(
        dockerfile,
        /^FROM hardened-source AS hardened-strip\nUSER 0:0\nRUN set -eu; find \/ -xdev -perm \/6000 -type f -exec chmod ug-s \{\} \+; rm -rf \/usr\/bin\/apt /m,
      );
      assert.match(
        dockerfile,
        /^FROM scratch AS hardened\n# hardened ignore=dockerfile-copy-system-dirs reason=".*"\nCOPY --from=hardened-strip \/ \/\nENV APP_HOME=\/srv\nWORKDIR \/srv\nUSER 10001:10001\nHEALTHCHECK CMD \["\/usr\/bin\/true"\]\nENTRYPOINT \["\/usr\/bin\/sleep", "infinity"\]\nLABEL org\.opencontainers\.image\.base\.name=/m,
      );
      assert.equal((await imageInputs(image, registered)).target, "hardened");
      assert.deepEqual(
        (await valueOf(image.findings)).map((f) => [f.ruleId, f.exempted]),
        [["dockerfile-copy-system-dirs", true]],
      );
      assert.deepEqual(await valueOf(image.user), { uid: 10001, gid: 10001 });
    });
  });

  describe("argument errors", () => {
    const cases: {
      name: string;
      args: (dir: string) => HardenedImageArgs;
      arg: string;
      message: RegExp;
    }[] = [
      {
        name: "a missing Dockerfile",
        args: (dir) => ({ imageName: APP, context: dir }),
        arg: "args.dockerfile",
        message: /the Dockerfile .*\/Dockerfile does not exist/,
      },
      {
        name: "an unreadable Dockerfile (a directory)",
        args: (dir) => ({ imageName: APP, context: dir, dockerfile: dir }),
        arg: "args.dockerfile",
        message: /cannot read the Dockerfile .*EISDIR/,
      },
      {
        name: "a Dockerfile Docker cannot build",
        args: (dir) => ({ imageName: APP, context: dir, dockerfile: join(dir, "bad.Dockerfile") }),
        arg: "args.dockerfile",
        message: /bad\.Dockerfile:1: unknown instruction "FORM"/,
      },
      {
        name: "RUN --mount with the classic builder",
        args: (dir) => ({
          imageName: APP,
          context: dir,
          dockerfile: join(dir, "mount.Dockerfile"),
          builderVersion: "BuilderV1",
        }),
        arg: "args.builderVersion",
        message: /mount\.Dockerfile:2 uses RUN --mount, which only BuildKit builds/,
      },
      {
        name: "both dockerfile and preset",
        args: (dir) => ({
          imageName: APP,
          context: dir,
          dockerfile: "Dockerfile",
          preset: { kind: "go" },
        }),
        arg: "args.dockerfile",
        message: /give either dockerfile \(Dockerfile\) or preset \("go"\), not both/,
      },
      {
        name: "a missing context",
        args: (dir) => ({ imageName: APP, context: join(dir, "nope") }),
        arg: "args.context",
        message: /nope is not a directory/,
      },
      {
        name: "an unknown preset",
        args: (dir) => ({ imageName: APP, context: dir, preset: { kind: "rust" } as never }),
        arg: "args.preset.kind",
        message: /unknown preset "rust"/,
      },
      {
        name: "a root uid",
        args: (dir) => ({ imageName: APP, context: dir, preset: { kind: "static", uid: 0 } }),
        arg: "args.preset.uid",
        message: /got 0/,
      },
    ];
    for (const c of cases) {
      it(`refuses ${c.name}, naming ${c.arg}`, () => {
        const dir = contextWith({
          "bad.Dockerfile": "FORM debian\n",
          "mount.Dockerfile": "FROM debian:12\nRUN --mount=type=cache,target=/root/.cache true\n",
        });
        assert.throws(
          () => new HardenedImage("bad", c.args(dir)),
          (error: unknown) =>
            error instanceof HardenedImageArgsError &&
            error.arg === c.arg &&
            error.message.startsWith(`HardenedImage "bad": ${c.arg}: `) &&
            c.message.test(error.message),
        );
      });
    }
  });
});
