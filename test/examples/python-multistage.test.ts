import { strict as assert } from "assert";
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { buildPythonExample, PythonExampleImages } from "../../examples/python-multistage/build";
import { QUIET } from "../../examples/python-multistage/docker-build";
import { pythonService } from "../../examples/python-multistage/service";
import {
  beforeTag,
  hardenedTag,
  PythonExampleSettings,
} from "../../examples/python-multistage/settings";
import { mockResources, valueOf } from "../components/hardened-image/mocks";
import { baseImage } from "../../dev/docker-bases";
import {
  cannotRun,
  processIds,
  removeAll,
  startContainer,
  waitHealthy,
} from "../docker/containers";
import { docker, requireDocker, runDocker } from "../../dev/docker";
import { PLAIN_REGISTRY, requireRegistries, uniqueRepository } from "../../dev/registry";
import { runCli } from "../support/run-cli";
import { buildPack } from "../../dev/build-pack";

/** The size reduction the scenario promises, in percent. */
const PROMISED_REDUCTION = 88.5;
const SHELLS = ["/bin/sh", "/usr/bin/sh", "/bin/bash", "/usr/bin/dash"];
const MB = 1_000_000;

describe("examples/python-multistage, built with the real Docker engine", function () {
  this.timeout(900_000);
  const containers: string[] = [];
  let settings: PythonExampleSettings;
  let images: PythonExampleImages;

  before(async function () {
    requireDocker(this);
    await requireRegistries(this);
    buildPack();
    settings = {
      registry: `${PLAIN_REGISTRY}/${uniqueRepository("python-multistage")}`,
      builderImage: baseImage("python"),
      runtimeImage: baseImage("pythonMinimalRuntime"),
      lockFile: join(mkdtempSync(join(tmpdir(), "python-multistage-")), "hardened.lock.json"),
    };
    images = await buildPythonExample({ ...settings, beforeImage: baseImage("pythonFull") }, QUIET);
  });

  after(() =>
    removeAll(
      containers,
      images ? [images.before, images.after.ref, beforeTag(settings), hardenedTag(settings)] : [],
    ),
  );

  it("pins both base images by digest and lints clean, with user 65532:65532", () => {
    assert.deepEqual(images.after.prepared.findings, []);
    assert.deepEqual(images.after.prepared.user, { uid: 65532, gid: 65532 });
    assert.deepEqual(
      images.after.prepared.baseImages.map((b) => `${b.name}:${b.tag}`),
      [settings.builderImage, settings.runtimeImage],
    );
    for (const base of images.after.prepared.baseImages) {
      assert.match(base.digest, /^sha256:[a-f0-9]{64}$/);
    }
  });

  it("the before image runs as root without a health check; the hardened one as 65532:65532 with one", () => {
    assert.equal(docker(["inspect", "-f", "{{.Config.User}}", images.before]).trim(), "");
    assert.equal(
      docker(["inspect", "-f", "{{json .Config.Healthcheck}}", images.before]).trim(),
      "null",
    );
    const check = JSON.parse(
      docker(["inspect", "-f", "{{json .Config.Healthcheck.Test}}", images.after.ref]),
    ) as string[];
    assert.deepEqual(check.slice(0, 3), ["CMD", "/usr/bin/python3", "-c"]);
    assert.match(check[3], /urlopen\('http:\/\/127\.0\.0\.1:8080\/health'/);
    assert.equal(
      docker(["inspect", "-f", "{{.Config.User}}", images.after.ref]).trim(),
      "65532:65532",
    );
  });

  it(`hardened report --before measures a size reduction of at least ${PROMISED_REDUCTION}%`, () => {
    const run = runCli(["report", images.after.ref, "--before", images.before, "--format", "json"]);
    assert.equal(run.code, 0, run.stderr);
    const report = JSON.parse(run.stdout) as {
      image: { sizeBytes: number };
      before: { sizeBytes: number };
      checks: { status: string; text: string }[];
    };
    assert.deepEqual(
      report.checks.filter((c) => c.status !== "PASS"),
      [],
      "every image check passes on the minimal runtime",
    );
    assert.equal(report.checks.length, 14);
    const reduction =
      ((report.before.sizeBytes - report.image.sizeBytes) / report.before.sizeBytes) * 100;
    assert.ok(
      reduction >= PROMISED_REDUCTION,
      `reduction ${reduction.toFixed(1)}% (${report.before.sizeBytes} → ${report.image.sizeBytes} bytes) is below ${PROMISED_REDUCTION}%`,
    );
    assert.ok(report.before.sizeBytes > 850 * MB, `before: ${report.before.sizeBytes} bytes`);
    assert.ok(report.image.sizeBytes < 55 * MB, `after: ${report.image.sizeBytes} bytes`);
    const text = runCli(["report", images.after.ref, "--before", images.before]);
    assert.match(text.stdout, /Reduction: 9\d\.\d%/);
  });

  it("hardened report --before counts the packages before and after, and names those removed", () => {
    const run = runCli(["report", images.after.ref, "--before", images.before, "--format", "json"]);
    assert.equal(run.code, 0, run.stderr);
    const { packages } = JSON.parse(run.stdout) as {
      packages: {
        before: Record<string, number>;
        after: Record<string, number>;
        removed: { ecosystem: string; name: string }[];
      };
    };
    const installed = docker([
      "run",
      "--rm",
      "--entrypoint",
      "dpkg-query",
      images.before,
      "-W",
      "-f",
      "${Package}\\n",
    ])
      .trim()
      .split("\n");
    assert.equal(packages.before.deb, installed.length);
    const total = (counts: Record<string, number>) =>
      Object.values(counts).reduce((a, b) => a + b, 0);
    assert.ok(
      total(packages.after) < total(packages.before) / 4,
      `${total(packages.after)} packages after, ${total(packages.before)} before`,
    );
    const removed = packages.removed.map((p) => `${p.ecosystem}:${p.name}`);
    for (const name of ["deb:bash", "deb:apt", "deb:dpkg"]) {
      assert.ok(removed.includes(name), `${name} is not among the removed packages`);
    }
    const text = runCli(["report", images.after.ref, "--before", images.before]);
    assert.match(
      text.stdout,
      /\nPACKAGE INVENTORY:\n {2}Before hardening: \d+ packages \(deb \d+.*\)\n {2}After hardening: {2}\d+ packages?.*\n {2}Removed: \d+ packages\n/,
    );
  });

  it("runs by digest as uid 65532, turns healthy, serves /health, and has no shell", async () => {
    const container = startContainer(images.after.ref, ["-p", "127.0.0.1::8080"]);
    containers.push(container);
    assert.deepEqual(processIds(container), { uid: 65532, gid: 65532 });
    await waitHealthy(container, 90_000);
    const port = docker(["port", container, "8080/tcp"]).trim().split(":").pop();
    const health = await fetch(`http://127.0.0.1:${port}/health`);
    assert.equal(health.status, 200);
    assert.deepEqual(await health.json(), { status: "ok" });
    const root = (await (await fetch(`http://127.0.0.1:${port}/`)).json()) as { uid: number };
    assert.equal(root.uid, 65532);
    const pip = runDocker(["exec", container, "/usr/bin/python3", "-m", "pip", "--version"]);
    assert.notEqual(pip.code, 0, "pip is in the hardened image");
    const compiled = docker([
      "exec",
      container,
      "/usr/bin/python3",
      "-c",
      "import os; print(sorted(os.listdir('/app/__pycache__')))",
    ]);
    assert.match(compiled, /'main\.cpython-311\.pyc'/, "the builder byte-compiles the app");
    for (const shell of SHELLS) {
      assert.equal(cannotRun(images.after.ref, shell), true, `${shell} runs in the image`);
    }
    assert.equal(
      cannotRun(images.before, "/bin/sh"),
      false,
      "the before image should have a shell",
    );
  });

  it("HardenedDeployment runs the pushed digest as the image's user, after verifying it", async () => {
    mockResources({ repoDigest: images.after.ref });
    const service = pythonService("api", { ...settings, offline: false }, "shop");
    assert.equal(await valueOf(service.image.ref), images.after.ref);
    const spec = (await valueOf(service.deployment.podSpec)) as {
      securityContext: Record<string, unknown>;
      containers: { image: string; ports: { containerPort: number; name: string }[] }[];
    };
    assert.equal(spec.containers[0].image, images.after.ref);
    assert.deepEqual(spec.containers[0].ports[0], {
      containerPort: 8080,
      name: "http",
      protocol: "TCP",
    });
    assert.equal(spec.securityContext.runAsUser, 65532);
    assert.equal(spec.securityContext.runAsGroup, 65532);
    assert.equal(spec.securityContext.fsGroup, 65532);
    assert.deepEqual(await valueOf(service.image.imageFindings), []);
  });

  it("`hardened preview examples/python-multistage` passes the policy pack with exit 0", () => {
    const dir = mkdtempSync(join(tmpdir(), "python-multistage-"));
    const stackConfig = join(dir, "Pulumi.dev.yaml");
    writeFileSync(
      stackConfig,
      [
        "config:",
        `  python-multistage:registry: ${settings.registry}`,
        `  python-multistage:builderImage: ${settings.builderImage}`,
        `  python-multistage:runtimeImage: ${settings.runtimeImage}`,
        `  python-multistage:lockFile: ${settings.lockFile}`,
        "",
      ].join("\n"),
    );
    const run = runCli(["preview", "examples/python-multistage", "--stack-config", stackConfig]);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /\+ pulumi-nodejs:dynamic\/hardened:ImageBuild: api\n/);
    assert.match(run.stdout, /\+ kubernetes:apps\/v1:Deployment: api\n/);
    assert.match(run.stdout, /\n0 mandatory violations, 0 advisory violations\n$/);
  });
});
