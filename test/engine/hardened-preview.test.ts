import { strict as assert } from "assert";
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { delimiter, join } from "path";
import { buildPack } from "../../dev/build-pack";
import { requireEngine } from "../support/engine";
import { runCli } from "../support/run-cli";

const ROOT = join(__dirname, "..", "..");
const PROGRAM = join(ROOT, "examples", "helm-and-yaml");
const UNEXPANDED =
  "Not expanded under mocks: 3 components (kubernetes:yaml:ConfigFile: file, kubernetes:helm.sh/v4:Chart: agent, kubernetes:yaml/v2:ConfigGroup: group).";

describe("hardened preview on components only the engine expands", function () {
  this.timeout(900_000);
  let scratch: string;

  before(() => {
    buildPack();
    scratch = mkdtempSync(join(tmpdir(), "hardened-preview-engine-"));
  });
  after(() => rmSync(scratch, { recursive: true, force: true }));

  it("under mocks, names the components it could not expand and exits 2", () => {
    const run = runCli(["preview", PROGRAM, "--engine", "mocks"]);
    assert.equal(run.code, 2, run.stdout + run.stderr);
    assert.ok(run.stdout.includes(UNEXPANDED), run.stdout);
    assert.match(run.stdout, /0 resources to analyze/);
    assert.match(
      run.stderr,
      /hardened: 3 component\(s\) not expanded under mocks, so their resources were not checked; run with --engine pulumi, or pass --allow-unexpanded to accept/,
    );
  });

  it("under mocks with --allow-unexpanded, still names them and exits 0", () => {
    const run = runCli(["preview", PROGRAM, "--engine", "mocks", "--allow-unexpanded"]);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.ok(run.stdout.includes(UNEXPANDED), run.stdout);
  });

  it("--engine pulumi runs the real pulumi preview and blocks the expanded workloads with exit 1", function () {
    const bin = requireEngine(this);
    const stackConfig = join(scratch, "Pulumi.dev.yaml");
    writeFileSync(
      stackConfig,
      `config:\n  helm-and-yaml:renderDir: ${join(scratch, "rendered")}\n`,
    );
    const run = runCli(["preview", PROGRAM, "--engine", "pulumi", "--stack-config", stackConfig], {
      env: {
        PATH: `${bin}${delimiter}${process.env.PATH ?? ""}`,
        PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
      },
    });
    assert.equal(run.code, 1, run.stdout + run.stderr);
    assert.match(
      run.stdout,
      /- \[mandatory\] \[severity: high\] {2}privileged {2}\(kubernetes:core\/v1:Pod: agent:agents\/agent-debug\)/,
    );
    assert.match(
      run.stdout,
      new RegExp(
        `hardened preview: pulumi preview \\(${bin}\\) exited \\d+: [1-9]\\d* mandatory, \\d+ advisory policy violations`,
      ),
    );
  });

  it("--engine pulumi without a pulumi CLI on PATH is an input error", () => {
    const run = runCli(["preview", PROGRAM, "--engine", "pulumi"], {
      env: { PATH: "/nonexistent" },
    });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /^hardened: --engine pulumi: no pulumi CLI on PATH\n$/);
  });
});
