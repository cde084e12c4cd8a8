import { strict as assert } from "assert";
import { randomBytes } from "crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { dirname, isAbsolute, join } from "path";
import { createEngineWorkspace, EngineWorkspace } from "../../preview/engine/engine-workspace";
import { runEngineOperation } from "../../preview/engine/run-engine-operation";
import { baseImage } from "../../dev/docker-bases";
import { buildKitDockerCli, docker, requireDocker, runDocker } from "../../dev/docker";
import {
  AUTH_REGISTRY,
  dockerConfigDir,
  REGISTRY_PASSWORD,
  REGISTRY_USER,
  requireRegistries,
  serviceUnavailable,
  uniqueRepository,
} from "../../dev/registry";
import { contextWith } from "../components/hardened-image/fixtures";
import { PYTHON_APP } from "../docker/apps";
import { engineViolations, requireEngine } from "../support/engine";
import { IMAGE_SECRET_RULES } from "../support/image-secret-rules";
import { runCli } from "../support/run-cli";

const ROOT = join(__dirname, "..", "..");
const PROGRAM = join(ROOT, "test", "fixtures", "programs", "image-build");
const PACK = join(ROOT, "policies");

describe("HardenedImage under the real engine: its build step builds with the engine's BuildKit and a build secret, pushes and verifies", function () {
  this.timeout(1_200_000);
  let engineBin: string;
  let workspace: EngineWorkspace;
  let dir: string;
  let context: string;
  let token: string;
  let path: string;
  const imageName = `${AUTH_REGISTRY}/${uniqueRepository("image-build")}/api:v1`;

  let unverified: EngineWorkspace;
  const run = (
    operation: "preview" | "up" | "destroy",
    on: EngineWorkspace = workspace,
    runtimeImage = baseImage("pythonMinimalRuntime"),
  ) =>
    runEngineOperation(on, operation, {
      engineBin,
      policyPacks: operation === "destroy" ? [] : [PACK],
      config: {
        "image-build:imageName": imageName,
        "image-build:context": context,
        "image-build:builderImage": baseImage("python"),
        "image-build:runtimeImage": runtimeImage,
        "image-build:pipConf": join(dir, "pip.conf"),
        "image-build:registryUser": REGISTRY_USER,
        "image-build:registryPassword": { value: REGISTRY_PASSWORD, secret: true },
        "image-build:renderDir": join(on.workDir, "rendered"),
      },
      env: { PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true", PATH: path },
      timeoutMs: 1_100_000,
    });

  before(async function () {
    engineBin = requireEngine(this);
    requireDocker(this);
    await requireRegistries(this);
    const cli = buildKitDockerCli();
    if (cli === undefined) {
      serviceUnavailable(this, "no docker CLI builds with DOCKER_BUILDKIT=1");
      return;
    }
    path = isAbsolute(cli) ? `${dirname(cli)}:${process.env.PATH ?? ""}` : (process.env.PATH ?? "");
    dir = mkdtempSync(join(tmpdir(), "image-build-engine-"));
    token = `hardened-build-secret-${randomBytes(12).toString("hex")}`;
    writeFileSync(
      join(dir, "pip.conf"),
      `[global]\nno-index = true\nindex-url = https://user:${token}@pypi.invalid/simple\n`,
    );
    context = contextWith({ ...PYTHON_APP, ".dockerignore": ".git\n" });
    workspace = createEngineWorkspace(PROGRAM);
    unverified = createEngineWorkspace(PROGRAM, { stack: "unverified" });
  });

  after(async () => {
    for (const on of [workspace, unverified]) {
      if (on !== undefined) {
        await run("destroy", on);
        on.dispose();
      }
    }
    runDocker(["rmi", imageName]);
    for (const folder of [dir, context]) {
      if (folder !== undefined) {
        rmSync(folder, { recursive: true, force: true });
      }
    }
  });

  it("pulumi preview passes: the image is not built yet, and no policy blocks its build step", async () => {
    const result = await run("preview");
    assert.equal(result.exitCode, 0, `${result.stdout}\n${result.stderr}`);
    assert.deepEqual(
      engineViolations(result.stdout).filter((v) => v.level === "mandatory"),
      [],
    );
    assert.equal(runDocker(["image", "inspect", imageName]).code, 1, "a preview builds nothing");
  });

  it("pulumi up builds with BuildKit and the pip.conf secret, pushes with the credentials, verifies, and deploys the digest", async () => {
    const result = await run("up");
    assert.equal(result.exitCode, 0, `${result.stdout}\n${result.stderr}`);
    const ref = String(result.outputs?.ref);
    assert.match(
      ref,
      new RegExp(`^${AUTH_REGISTRY}/hardened-test/image-build-[^@]+/api@sha256:[0-9a-f]{64}$`),
    );
    assert.equal(result.outputs?.builder, "buildkit");
    assert.match(String(result.outputs?.dockerfile), /--mount=type=secret,id=pip\.conf/);
    assert.match(String(result.outputs?.report), /hardening report/i);
    const history = docker(["history", "--no-trunc", "--format", "{{.CreatedBy}}", imageName]);
    assert.match(history, /# buildkit$/m, "built by BuildKit");
    assert.equal(history.indexOf(token), -1, history);
    const archive = join(dir, "image.tar");
    docker(["save", "-o", archive, imageName]);
    assert.equal(readFileSync(archive).indexOf(token), -1, "the secret is in no layer or config");
    const manifests = join(workspace.workDir, "rendered", "1-manifest");
    const deployment = readdirSync(manifests).find((f) => /deployment/i.test(f));
    assert.ok(deployment, `no Deployment in ${manifests}`);
    assert.match(
      readFileSync(join(manifests, deployment), "utf8"),
      new RegExp(`image: ${ref}$`, "m"),
    );
  });

  it("hardened verify reads the pushed image and finds no secret in it", () => {
    const verify = runCli(["verify", imageName, "--format", "json"], {
      env: {
        DOCKER_CONFIG: dockerConfigDir({
          [AUTH_REGISTRY]: { user: REGISTRY_USER, password: REGISTRY_PASSWORD },
        }),
      },
    });
    assert.notEqual(verify.code, 2, verify.stderr);
    const { findings } = JSON.parse(verify.stdout) as { findings: { ruleId: string }[] };
    assert.deepEqual(
      findings.filter((f) => IMAGE_SECRET_RULES.includes(f.ruleId)),
      [],
    );
  });

  it("a second preview changes nothing, and a changed context file replaces the build", async () => {
    const same = await run("preview");
    assert.equal(same.exitCode, 0, `${same.stdout}\n${same.stderr}`);
    assert.deepEqual(Object.keys(same.changes ?? {}), ["same"], JSON.stringify(same.changes));
    writeFileSync(join(context, "greeting.py"), "def greeting():\n    return b'changed\\n'\n");
    const changed = await run("preview");
    assert.equal(changed.exitCode, 0, `${changed.stdout}\n${changed.stderr}`);
    assert.ok((changed.changes?.replace ?? 0) >= 1, JSON.stringify(changed.changes));
  });

  it("an image that fails verification fails pulumi up, naming the rule, and its Deployment is never written", async () => {
    const result = await run("up", unverified, baseImage("pythonRuntime"));
    assert.notEqual(result.exitCode, 0, result.stdout);
    assert.match(
      result.stdout,
      /HardenedImageVerifyError: .*HardenedImage "api": the pushed image \S+@sha256:[0-9a-f]{64} breaks hardening rules/,
    );
    assert.match(result.stdout, /image-setuid-files at layers\[\d+\]:\/usr\/bin\/su/);
    const manifests = join(unverified.workDir, "rendered", "1-manifest");
    assert.deepEqual(
      readdirSync(manifests).filter((f) => /deployment/i.test(f)),
      [],
    );
  });
});
