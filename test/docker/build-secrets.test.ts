import { strict as assert } from "assert";
import { spawnSync } from "child_process";
import { createHash, randomBytes } from "crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { secretBuildFlags } from "../../components/hardened-image/build-secrets";
import { HardenedImageArgs } from "../../components/hardened-image/args";
import { prepareBuild } from "../../components/hardened-image/prepare";
import { loadSource } from "../../components/hardened-image/source";
import { writeRenderedDockerfile } from "../../components/hardened-image/write-dockerfile";
import { RegistryClient } from "../../oci/client";
import { baseImage } from "../../dev/docker-bases";
import { buildKitDockerCli, docker, requireDocker } from "../../dev/docker";
import {
  DEBIAN_IMAGE,
  PLAIN_REGISTRY,
  requireRegistries,
  serviceUnavailable,
  uniqueRepository,
} from "../../dev/registry";
import { IMAGE_SECRET_RULES } from "../support/image-secret-rules";
import { runCli } from "../support/run-cli";
import { contextWith } from "../components/hardened-image/fixtures";
import { GO_APP, NODE_APP, PYTHON_APP } from "./apps";

const repo = uniqueRepository("build-secrets");

describe("build secrets, built for real with the engine's BuildKit (DOCKER_BUILDKIT=1, no buildx)", function () {
  this.timeout(900_000);
  let cli: string;
  let dir: string;
  let token: string;
  const created: string[] = [];

  /**
   * Builds `dockerfile` in `context` with BuildKit and the secrets (no cache: a secret's content is
   * not part of BuildKit's cache key), pushes it, returns the ref, the saved archive and the history.
   */
  function buildPush(
    name: string,
    dockerfile: string,
    context: string,
    flags: string[],
  ): { ref: string; saved: Buffer; history: string } {
    const tag = `${PLAIN_REGISTRY}/${repo}/${name}:test`;
    const run = spawnSync(
      cli,
      ["build", "--no-cache", "-f", dockerfile, ...flags, "-t", tag, context],
      {
        env: { ...process.env, DOCKER_BUILDKIT: "1" },
        encoding: "utf8",
        timeout: 600_000,
      },
    );
    assert.equal(run.status, 0, `${run.stdout}\n${run.stderr}`);
    assert.match(run.stderr, /^#\d+ \[/m, "BuildKit's progress output, not the classic builder's");
    const archive = join(dir, `${name}.tar`);
    docker(["save", "-o", archive, tag]);
    const history = docker(["history", "--no-trunc", "--format", "{{.CreatedBy}}", tag]);
    const pushed = docker(["push", tag]);
    const digest = /digest: (sha256:[a-f0-9]{64})/.exec(pushed)?.[1];
    assert.ok(digest, pushed);
    docker(["rmi", tag]);
    const ref = `${PLAIN_REGISTRY}/${repo}/${name}@${digest}`;
    created.push(ref);
    return { ref, saved: readFileSync(archive), history };
  }

  /** hardened verify's findings on the pushed image. */
  function verifiedRuleIds(ref: string): string[] {
    const run = runCli(["verify", ref, "--format", "json"]);
    assert.notEqual(run.code, 2, run.stderr);
    const { findings } = JSON.parse(run.stdout) as { findings: { ruleId: string }[] };
    return [...new Set(findings.map((f) => f.ruleId))].sort();
  }

  before(async function () {
    requireDocker(this);
    await requireRegistries(this);
    const found = buildKitDockerCli();
    if (found === undefined) {
      serviceUnavailable(this, "no docker CLI builds with DOCKER_BUILDKIT=1");
    }
    cli = found as string;
    dir = mkdtempSync(join(tmpdir(), "build-secrets-"));
    token = `hardened-build-secret-${randomBytes(12).toString("hex")}`;
  });
  after(() => {
    for (const ref of created) {
      spawnSync("docker", ["rmi", ref], { stdio: "ignore" });
    }
    if (dir !== undefined) {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("a user Dockerfile reads the secret in RUN --mount=type=secret; no layer, config or history holds it", () => {
    const secretFile = join(dir, "api-token");
    writeFileSync(secretFile, token);
    const context = contextWith({
      Dockerfile: [
        `FROM ${PLAIN_REGISTRY}/${DEBIAN_IMAGE} AS build`,
        "RUN --mount=type=secret,id=api-token test -s /run/secrets/api-token && sha256sum < /run/secrets/api-token | cut -d' ' -f1 > /proof",
        "FROM scratch",
        "COPY --from=build /proof /proof",
        "USER 65532:65532",
        "",
      ].join("\n"),
    });
    const args: HardenedImageArgs = {
      imageName: `${PLAIN_REGISTRY}/${repo}/user`,
      context,
      secrets: { "api-token": secretFile },
      builderVersion: "BuilderBuildKit",
    };
    const source = loadSource('HardenedImage "user"', args, { builder: "buildkit" });
    const built = buildPush(
      "user",
      join(context, "Dockerfile"),
      context,
      secretBuildFlags(source.secrets),
    );
    const proof = createHash("sha256").update(token).digest("hex");
    assert.ok(
      built.saved.includes(proof),
      "the step read the mounted secret: /proof holds its sha256",
    );
    assert.equal(built.saved.indexOf(token), -1, "the secret is in no layer, config or manifest");
    assert.equal(built.history.indexOf(token), -1, built.history);
    assert.match(built.history, /^COPY \/proof \/proof # buildkit$/m, "built by BuildKit");
    assert.deepEqual(
      verifiedRuleIds(built.ref).filter((id) => IMAGE_SECRET_RULES.includes(id)),
      [],
    );
  });

  it("the python preset installs with a pip.conf secret, and hardened verify finds no secret in the pushed image", async () => {
    const pipConf = join(dir, "pip.conf");
    writeFileSync(
      pipConf,
      `[global]\nno-index = true\nindex-url = https://user:${token}@pypi.invalid/simple\n`,
    );
    const context = contextWith({ ...PYTHON_APP, ".dockerignore": ".git\n" });
    const args: HardenedImageArgs = {
      imageName: `${PLAIN_REGISTRY}/${repo}/python`,
      context,
      preset: {
        kind: "python",
        builderImage: baseImage("python"),
        runtimeImage: baseImage("pythonRuntime"),
      },
      secrets: { "pip.conf": pipConf },
      builderVersion: "BuilderBuildKit",
      lockFile: null,
    };
    const owner = 'HardenedImage "python"';
    const source = loadSource(owner, args, { builder: "buildkit" });
    const client = new RegistryClient();
    const prepared = await prepareBuild(owner, source, args, (r) => client.resolveDigest(r));
    assert.ok(
      prepared.dockerfile.includes(
        "RUN --mount=type=cache,target=/root/.cache/pip --mount=type=secret,id=pip.conf mkdir -p /build/site-packages \\\n  && PIP_CONFIG_FILE=/run/secrets/pip.conf python3 -m pip install --no-compile",
      ),
      prepared.dockerfile,
    );
    assert.deepEqual(
      prepared.findings.filter((f) => f.severity === "error").map((f) => f.ruleId),
      [],
    );
    const built = buildPush("python", writeRenderedDockerfile(prepared.dockerfile), context, [
      ...secretBuildFlags(source.secrets),
      ...(prepared.target === undefined ? [] : ["--target", prepared.target]),
    ]);
    assert.equal(built.saved.indexOf(token), -1, "the secret is in no layer, config or manifest");
    assert.equal(built.history.indexOf(token), -1, built.history);
    const found = verifiedRuleIds(built.ref);
    assert.deepEqual(
      found.filter((id) => IMAGE_SECRET_RULES.includes(id)),
      [],
      found.join(", "),
    );
  });

  it("the go and node presets build with BuildKit cache mounts on their install step", async () => {
    const cases = [
      {
        name: "go",
        files: GO_APP,
        preset: {
          kind: "go" as const,
          builderImage: baseImage("golang"),
          runtimeImage: baseImage("staticRuntime"),
        },
        mounts:
          "RUN --mount=type=cache,target=/root/.cache/go-build --mount=type=cache,target=/root/.cache/go-mod GOCACHE=",
      },
      {
        name: "node",
        files: NODE_APP,
        preset: {
          kind: "node" as const,
          builderImage: baseImage("node"),
          runtimeImage: baseImage("nodeRuntime"),
        },
        mounts: "RUN --mount=type=cache,target=/root/.npm rm -rf ",
      },
    ];
    for (const c of cases) {
      const args: HardenedImageArgs = {
        imageName: `${PLAIN_REGISTRY}/${repo}/${c.name}`,
        context: contextWith(c.files),
        preset: c.preset,
        builderVersion: "BuilderBuildKit",
        lockFile: null,
      };
      const owner = `HardenedImage "${c.name}"`;
      const source = loadSource(owner, args, { builder: "buildkit" });
      const client = new RegistryClient();
      const prepared = await prepareBuild(owner, source, args, (r) => client.resolveDigest(r));
      assert.ok(prepared.dockerfile.includes(c.mounts), prepared.dockerfile);
      const built = buildPush(
        c.name,
        writeRenderedDockerfile(prepared.dockerfile),
        source.context,
        [],
      );
      assert.match(built.ref, /@sha256:[a-f0-9]{64}$/);
    }
  });
});
