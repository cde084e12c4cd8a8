import { strict as assert } from "assert";
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { buildPack } from "../../dev/build-pack";
import { runCli } from "../support/run-cli";

const PROGRAMS = join(__dirname, "..", "fixtures", "programs");

describe("hardened preview", function () {
  this.timeout(180000);
  before(() => buildPack());

  it("blocks a program with mandatory violations, names policy and resource, and never prints a secret", () => {
    const run = runCli(["preview", join(PROGRAMS, "leaky")]);
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stdout, /❌ hardened-containers@v0\.1\.0/);
    assert.match(
      run.stdout,
      /- \[mandatory\] {2}privileged {2}\(kubernetes:apps\/v1:Deployment: api\)/,
    );
    assert.match(
      run.stdout,
      /- \[advisory\] {2}docker-build-secret-args {2}\(docker:index\/image:Image: api\)/,
    );
    assert.match(
      run.stdout,
      /Not known before deployment: 1 value \(api: spec\.template\.spec\.containers\[0\]\.image\)\.\nRules that read them were not evaluated/,
    );
    assert.doesNotMatch(
      run.stdout,
      /- \[[a-z]+\] {2}image-digest /,
      "an unknown digest is not a violation",
    );
    assert.doesNotMatch(run.stdout + run.stderr, /hunter2/);
    assert.match(run.stdout, /the update would be blocked\n$/);
  });

  it("names the functions mocks answered with nothing, whose results the program builds resources from", () => {
    const run = runCli(["preview", join(PROGRAMS, "invoked")]);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /1 resource to analyze/);
    assert.ok(
      run.stdout.includes(
        "Answered with nothing under mocks: 1 function (acme:platform:listWorkloads).\n" +
          "Resources the program builds from their results were not seen: run `hardened preview --engine pulumi` to check them.",
      ),
      run.stdout,
    );
    const json = JSON.parse(
      runCli(["preview", join(PROGRAMS, "invoked"), "--format", "json"]).stdout,
    ) as { summary: Record<string, string> };
    assert.equal(json.summary.unansweredInvokes, "acme:platform:listWorkloads");
    assert.doesNotMatch(
      runCli(["preview", join(PROGRAMS, "hardened")]).stdout,
      /Answered with nothing/,
      "a program that calls no function gets no such line",
    );
  });

  it("passes a hardened program with exit 0", () => {
    const run = runCli(["preview", join(PROGRAMS, "hardened")]);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /✅ hardened-containers@v0\.1\.0/);
    assert.match(run.stdout, /\n0 mandatory violations, 0 advisory violations\n$/);
  });

  it("applies policy config the way `pulumi preview --policy-pack-config` does", () => {
    const dir = mkdtempSync(join(tmpdir(), "hardened-preview-"));
    const config = join(dir, "policy-config.json");
    writeFileSync(config, JSON.stringify({ all: "advisory", privileged: "disabled" }));
    const run = runCli(["preview", "--policy-config", config, join(PROGRAMS, "leaky")]);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.doesNotMatch(run.stdout, / privileged {2}/);
    assert.match(run.stdout, /- \[advisory\] {2}allow-privilege-escalation /);
  });

  it("passes stack config to the program and says which encrypted values it could not decrypt", () => {
    const dir = mkdtempSync(join(tmpdir(), "hardened-preview-"));
    const stackConfig = join(dir, "Pulumi.dev.yaml");
    writeFileSync(stackConfig, "config:\n  mixed:apiToken:\n    secure: AAABAKb1ZXJ5c2VjcmV0\n");
    const run = runCli(["preview", "--stack-config", stackConfig, join(PROGRAMS, "mixed")]);
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stdout, /Encrypted config not decrypted: mixed:apiToken/);
    const missing = runCli(["preview", join(PROGRAMS, "mixed")]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /the program failed: .*apiToken/);
  });

  it("renders Kubernetes resources as renderYamlToDirectory lays them out, leaving out unknown ones", () => {
    const dir = mkdtempSync(join(tmpdir(), "hardened-render-"));
    const hardened = runCli(["preview", join(PROGRAMS, "hardened"), "--render-yaml", dir]);
    assert.equal(hardened.code, 0, hardened.stderr);
    assert.match(hardened.stdout, new RegExp(`Rendered 1 Kubernetes manifests to ${dir}\n$`));
    const manifest = join(dir, "1-manifest", "apps_v1-deployment-shop-web.yaml");
    const check = runCli(["check", "--format", "json", manifest]);
    assert.equal(check.code, 0, check.stdout);
    assert.deepEqual(JSON.parse(check.stdout).findings, []);
    const leaky = runCli(["preview", join(PROGRAMS, "leaky"), "--render-yaml", dir]);
    assert.match(
      leaky.stdout,
      /Rendered 0 Kubernetes manifests to .*; not rendered, inputs not known before deployment: kubernetes:apps\/v1:Deployment: api\n$/,
    );
  });

  it("exits 2 for a folder that is not a Pulumi program", () => {
    const run = runCli(["preview", tmpdir()]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /is not a Pulumi program: no Pulumi\.yaml/);
  });
});
