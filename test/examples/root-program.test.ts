import { strict as assert } from "assert";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { stringify } from "yaml";
import { buildPack } from "../../dev/build-pack";
import { baseImage } from "../../dev/docker-bases";
import { requireDocker } from "../../dev/docker";
import {
  closedPort,
  PLAIN_REGISTRY,
  requireRegistries,
  uniqueRepository,
} from "../../dev/registry";
import { runCli } from "../support/run-cli";
import { runProgram } from "../../preview/run-program";

interface LockEntry {
  readonly reference: string;
  readonly registry: string;
  readonly digest: string;
  readonly mediaType: string;
  readonly resolvedAt: string;
}

/** Writes a stack config file for the root program (project `pulumi-hardened`) and returns its path. */
function stackConfig(dir: string, values: Readonly<Record<string, string>>): string {
  const file = join(dir, "Pulumi.dev.yaml");
  writeFileSync(file, stringify({ config: values }));
  return file;
}

function readLock(file: string): LockEntry[] {
  return (JSON.parse(readFileSync(file, "utf8")) as { images: LockEntry[] }).images;
}

/** `hardened preview .` at the repository root: the root program, with the policy pack. */
function previewRoot(config: string) {
  return runCli(["preview", ".", "--stack-config", config]);
}

describe("the root program (Pulumi.yaml at the root, main: program/)", function () {
  this.timeout(900_000);
  let builderImage: string;
  let runtimeImage: string;

  before(async function () {
    requireDocker(this);
    await requireRegistries(this);
    buildPack();
    builderImage = baseImage("python");
    runtimeImage = baseImage("pythonMinimalRuntime");
  });

  it("`hardened preview .` pins the bases at the registry and passes the policy pack with exit 0", () => {
    const dir = mkdtempSync(join(tmpdir(), "root-program-"));
    const lockFile = join(dir, "hardened.lock.json");
    const run = previewRoot(
      stackConfig(dir, {
        registry: `${PLAIN_REGISTRY}/${uniqueRepository("root-program")}`,
        builderImage,
        runtimeImage,
        lockFile,
        renderDir: join(dir, "rendered"),
      }),
    );
    assert.equal(run.code, 0, run.stdout + run.stderr);
    for (const resource of [
      "pulumi-nodejs:dynamic/hardened:ImageBuild: api",
      "kubernetes:core/v1:Namespace: python-multistage",
      "kubernetes:apps/v1:Deployment: api",
      "kubernetes:core/v1:Service: api",
      "kubernetes:networking.k8s.io/v1:NetworkPolicy: api",
    ]) {
      assert.ok(run.stdout.includes(`+ ${resource}\n`), `${resource} missing:\n${run.stdout}`);
    }
    assert.match(run.stdout, /✅ hardened-containers@v0\.1\.0/);
    assert.match(
      run.stdout,
      /Not known before deployment: 2 values \(api: metadata, api: spec\)\./,
      "the Deployment waits for the pushed digest, unknown during a preview",
    );
    assert.match(run.stdout, /\n0 mandatory violations, 0 advisory violations\n$/);
    assert.deepEqual(
      readLock(lockFile)
        .map((e) => e.reference)
        .sort(),
      [builderImage, runtimeImage].sort(),
    );
    assert.equal(existsSync(join(dir, "rendered")), false, "a preview renders no YAML");
  });

  it("pins from the lock file alone when the bases' registry cannot be reached", async () => {
    const dir = mkdtempSync(join(tmpdir(), "root-program-"));
    const first = join(dir, "first.lock.json");
    const reachable = {
      registry: `${PLAIN_REGISTRY}/${uniqueRepository("root-program")}`,
      builderImage,
      runtimeImage,
      lockFile: first,
    };
    assert.equal(previewRoot(stackConfig(dir, reachable)).code, 0);
    const offline = `127.0.0.1:${await closedPort()}`;
    const moved = (reference: string) => reference.replace(PLAIN_REGISTRY, offline);
    const lockFile = join(dir, "hardened.lock.json");
    writeFileSync(
      lockFile,
      JSON.stringify({
        version: 1,
        images: readLock(first).map((e) => ({
          ...e,
          reference: moved(e.reference),
          registry: offline,
        })),
      }),
    );
    const run = previewRoot(
      stackConfig(dir, {
        ...reachable,
        builderImage: moved(builderImage),
        runtimeImage: moved(runtimeImage),
        lockFile,
      }),
    );
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /\n0 mandatory violations, 0 advisory violations\n$/);
  });

  it("goes on with the image unknown and a warning when a base is neither in the lock file nor at a reachable registry", async () => {
    const dir = mkdtempSync(join(tmpdir(), "root-program-"));
    const offline = `127.0.0.1:${await closedPort()}`;
    const run = previewRoot(
      stackConfig(dir, {
        registry: `${PLAIN_REGISTRY}/${uniqueRepository("root-program")}`,
        builderImage: builderImage.replace(PLAIN_REGISTRY, offline),
        runtimeImage,
        lockFile: join(dir, "hardened.lock.json"),
      }),
    );
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.match(
      run.stdout + run.stderr,
      new RegExp(
        `warning: \\[runtime\\] HardenedImage "api": cannot pin the base images of preset:python: cannot reach registry ${offline.replace(/\./g, "\\.")} .*; the preview goes on with the image unknown`,
      ),
    );
    assert.match(
      run.stdout,
      /Not known before deployment: 5 values \(api: contextDigest, api: dockerfile, api: target, api: metadata, api: spec\)\./,
    );
    assert.match(run.stdout, /\n0 mandatory violations, 0 advisory violations\n/);
    assert.equal(existsSync(join(dir, "hardened.lock.json")), false, "nothing was pinned");
  });

  it("creates a namespace enforcing restricted and renders YAML to renderDir", async () => {
    const dir = mkdtempSync(join(tmpdir(), "root-program-"));
    const resources = await runProgram(join(__dirname, "..", ".."), {
      config: {
        "pulumi-hardened:registry": `${PLAIN_REGISTRY}/${uniqueRepository("root-program")}`,
        "pulumi-hardened:builderImage": builderImage,
        "pulumi-hardened:runtimeImage": runtimeImage,
        "pulumi-hardened:lockFile": join(dir, "hardened.lock.json"),
        "pulumi-hardened:renderDir": join(dir, "rendered"),
      },
    });
    const one = (type: string) => {
      const found = resources.filter((r) => r.type === type);
      assert.equal(found.length, 1, `${type}: ${found.length} registered`);
      return found[0].properties as Record<string, unknown>;
    };
    assert.deepEqual(one("kubernetes:core/v1:Namespace").metadata, {
      name: "python-multistage",
      labels: {
        "pod-security.kubernetes.io/enforce": "restricted",
        "pod-security.kubernetes.io/enforce-version": "latest",
      },
    });
    assert.equal(one("pulumi:providers:kubernetes").renderYamlToDirectory, join(dir, "rendered"));
  });
});
