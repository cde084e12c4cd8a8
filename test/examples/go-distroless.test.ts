import { strict as assert } from "assert";
import { spawnSync } from "child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { goImageArgs } from "../../examples/go-distroless/settings";
import {
  buildHardenedImage,
  HardenedBuild,
  QUIET,
} from "../../examples/python-multistage/docker-build";
import { runCli } from "../support/run-cli";
import { buildPack } from "../../dev/build-pack";
import { baseImage } from "../../dev/docker-bases";
import {
  cannotRun,
  processIds,
  removeAll,
  startContainer,
  waitHealthy,
} from "../docker/containers";
import { docker, requireDocker } from "../../dev/docker";
import { PLAIN_REGISTRY, requireRegistries, uniqueRepository } from "../../dev/registry";

const SHELLS = ["/bin/sh", "/usr/bin/sh", "/bin/bash", "/busybox/sh"];

describe("examples/go-distroless, built with the real Docker engine", function () {
  this.timeout(900_000);
  const containers: string[] = [];
  const scratch = mkdtempSync(join(tmpdir(), "go-distroless-"));
  let built: HardenedBuild;
  let tag: string;

  before(async function () {
    requireDocker(this);
    await requireRegistries(this);
    buildPack();
    const args = goImageArgs({
      registry: `${PLAIN_REGISTRY}/${uniqueRepository("go-distroless")}`,
      builderImage: baseImage("golang"),
      runtimeImage: baseImage("staticRuntime"),
      lockFile: join(scratch, "hardened.lock.json"),
    });
    tag = args.imageName;
    built = await buildHardenedImage("server", args, QUIET);
  });

  after(() => removeAll(containers, built ? [built.ref, tag] : []));

  it("renders a stripped static build, USER 65532:65532 and an exec-form -healthcheck", () => {
    const text = built.prepared.dockerfile;
    assert.match(text, /^ENV CGO_ENABLED=0 GOFLAGS=-trimpath$/m);
    assert.match(text, /^RUN go build -ldflags "-w -s" -o \/out\/app \.$/m);
    assert.match(text, /^USER 65532:65532$/m);
    assert.match(text, /^HEALTHCHECK --interval=10s .*CMD \["\/app","-healthcheck"\]$/m);
    assert.match(text, /^COPY --from=build \/out\/app \/app$/m);
    assert.deepEqual(
      built.prepared.baseImages.map((b) => /^sha256:[a-f0-9]{64}$/.test(b.digest)),
      [true, true],
      "both bases are pinned by digest",
    );
    const runtime = built.prepared.baseImages[built.prepared.baseImages.length - 1];
    assert.ok(
      text.includes(`org.opencontainers.image.base.digest="${runtime.digest}"`),
      "the runtime base's digest is labelled",
    );
    assert.deepEqual(built.prepared.findings, []);
    assert.deepEqual(built.prepared.user, { uid: 65532, gid: 65532 });
  });

  it("the pushed image says so: user 65532:65532, exec-form health check, a binary without symbols", () => {
    assert.equal(docker(["inspect", "-f", "{{.Config.User}}", built.ref]).trim(), "65532:65532");
    assert.deepEqual(
      JSON.parse(docker(["inspect", "-f", "{{json .Config.Healthcheck.Test}}", built.ref])),
      ["CMD", "/app", "-healthcheck"],
    );
    const container = docker(["create", built.ref]).trim();
    containers.push(container);
    const binary = join(scratch, "app");
    docker(["cp", `${container}:/app`, binary]);
    const sections = spawnSync("readelf", ["-S", "-W", binary], { encoding: "utf8" });
    assert.equal(sections.status, 0, sections.stderr);
    assert.doesNotMatch(
      sections.stdout,
      /\.symtab|\.debug_/,
      "-w -s leaves no symbol or DWARF sections",
    );
    assert.match(spawnSync("file", [binary], { encoding: "utf8" }).stdout, /statically linked/);
  });

  it("hardened report: under 10 MB, and every image check passes", () => {
    const run = runCli(["report", built.ref, "--format", "json"]);
    assert.equal(run.code, 0, run.stderr);
    const report = JSON.parse(run.stdout) as {
      image: { sizeBytes: number };
      checks: { status: string; text: string }[];
    };
    assert.ok(report.image.sizeBytes < 10_000_000, `size: ${report.image.sizeBytes} bytes`);
    assert.deepEqual(
      report.checks.filter((c) => c.status !== "PASS"),
      [],
    );
    assert.equal(report.checks.length, 14);
  });

  it("hardened report --sbom lists the Go modules the binary was built from", () => {
    const dir = mkdtempSync(join(tmpdir(), "go-distroless-sbom-"));
    try {
      const sbom = join(dir, "sbom.json");
      const run = runCli(["report", built.ref, "--format", "json", "--sbom", sbom]);
      assert.equal(run.code, 0, run.stderr);
      const report = JSON.parse(run.stdout) as { packages: { after: Record<string, number> } };
      assert.deepEqual(report.packages.after, {
        deb: 0,
        apk: 0,
        rpm: 0,
        pypi: 0,
        npm: 0,
        golang: 2,
      });
      const bom = JSON.parse(readFileSync(sbom, "utf8")) as {
        components: { name: string; version: string; purl: string }[];
      };
      assert.deepEqual(
        bom.components.map((c) => c.name),
        ["example.com/go-distroless", "stdlib"],
      );
      const stdlib = bom.components.find((c) => c.name === "stdlib");
      assert.match(stdlib?.version ?? "", /^go1\.\d+/);
      assert.equal(stdlib?.purl, `pkg:golang/stdlib@${stdlib?.version}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("runs by digest as uid 65532, turns healthy through its own -healthcheck, and has no shell", async () => {
    const container = startContainer(built.ref, ["-p", "127.0.0.1::8080"]);
    containers.push(container);
    assert.deepEqual(processIds(container), { uid: 65532, gid: 65532 });
    const top = docker(["top", container, "-o", "pid,uid,comm"]);
    assert.match(top, /^\s*\d+\s+65532\s+app\s*$/m, top);
    await waitHealthy(container, 90_000);
    const port = docker(["port", container, "8080/tcp"]).trim().split(":").pop();
    const response = await fetch(`http://127.0.0.1:${port}/`);
    assert.equal(response.status, 200);
    assert.equal(((await response.json()) as { uid: number }).uid, 65532);
    for (const program of [...SHELLS, "/usr/bin/curl"]) {
      assert.equal(cannotRun(built.ref, program), true, `${program} runs in the image`);
    }
  });

  it("`hardened preview examples/go-distroless` registers the image and a Deployment and passes", () => {
    const stackConfig = join(scratch, "Pulumi.dev.yaml");
    writeFileSync(
      stackConfig,
      [
        "config:",
        `  go-distroless:registry: ${PLAIN_REGISTRY}/${uniqueRepository("go-distroless")}`,
        `  go-distroless:builderImage: ${baseImage("golang")}`,
        `  go-distroless:runtimeImage: ${baseImage("staticRuntime")}`,
        `  go-distroless:lockFile: ${join(scratch, "hardened.lock.json")}`,
        "",
      ].join("\n"),
    );
    const run = runCli(["preview", "examples/go-distroless", "--stack-config", stackConfig]);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    for (const resource of [
      "pulumi:providers:kubernetes: render",
      "pulumi-nodejs:dynamic/hardened:ImageBuild: server",
      "kubernetes:core/v1:ServiceAccount: server",
      "kubernetes:core/v1:Service: server",
      "kubernetes:policy/v1:PodDisruptionBudget: server",
      "kubernetes:networking.k8s.io/v1:NetworkPolicy: server",
      "kubernetes:apps/v1:Deployment: server",
    ]) {
      assert.ok(run.stdout.includes(`+ ${resource}\n`), `${resource} missing:\n${run.stdout}`);
    }
    assert.match(run.stdout, /\n0 mandatory violations, 0 advisory violations\n$/);
  });
});
