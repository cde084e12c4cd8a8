import * as assert from "assert";
import { existsSync, readdirSync } from "fs";
import { join } from "path";
import { createEngineWorkspace, EngineWorkspace } from "../../preview/engine/engine-workspace";
import { runEngineOperation } from "../../preview/engine/run-engine-operation";
import { engineViolations, requireEngine } from "../support/engine";
import { runCli } from "../support/run-cli";

const ROOT = join(__dirname, "..", "..");
const PROGRAM = join(ROOT, "examples", "k8s-readonly");
const PACK = join(ROOT, "policies");
const IMAGE = `docker.io/nginxinc/nginx-unprivileged@sha256:${"5".repeat(64)}`;
const NO_DOWNLOADS = { PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true" };

describe("examples/k8s-readonly under the real engine: pulumi preview and up with the policy pack", function () {
  this.timeout(900_000);
  let engineBin: string;
  let workspace: EngineWorkspace;
  let renderDir: string;

  before(function () {
    engineBin = requireEngine(this);
    workspace = createEngineWorkspace(PROGRAM);
    renderDir = join(workspace.workDir, "rendered");
  });

  after(() => workspace?.dispose());

  const run = (operation: "preview" | "up" | "destroy") =>
    runEngineOperation(workspace, operation, {
      engineBin,
      policyPacks: operation === "destroy" ? [] : [PACK],
      config: { "k8s-readonly:image": IMAGE, "k8s-readonly:renderDir": renderDir },
      env: NO_DOWNLOADS,
    });

  it("pulumi preview passes with no mandatory violation", async () => {
    const result = await run("preview");
    assert.strictEqual(result.exitCode, 0, `${result.stdout}\n${result.stderr}`);
    assert.match(result.stdout, /✅ hardened-containers@v/);
    assert.deepStrictEqual(
      engineViolations(result.stdout).filter((v) => v.level === "mandatory"),
      [],
    );
  });

  it("pulumi up renders the manifests, and hardened check finds nothing in them in any profile", async () => {
    const result = await run("up");
    assert.strictEqual(result.exitCode, 0, `${result.stdout}\n${result.stderr}`);
    const manifests = join(renderDir, "1-manifest");
    assert.ok(existsSync(manifests), `no manifests in ${renderDir}`);
    const files = readdirSync(manifests);
    assert.ok(
      files.some((f) => /deployment/i.test(f)),
      `no Deployment among ${files.join(", ")}`,
    );
    for (const profile of ["baseline", "restricted", "hardened"]) {
      const check = runCli(["check", manifests, "--profile", profile]);
      assert.strictEqual(check.code, 0, `${profile}: ${check.stdout}${check.stderr}`);
    }
  });

  it("pulumi destroy removes every resource it created", async () => {
    const result = await run("destroy");
    assert.strictEqual(result.exitCode, 0, `${result.stdout}\n${result.stderr}`);
    assert.ok((result.changes?.delete ?? 0) > 0, JSON.stringify(result.changes));
  });
});
