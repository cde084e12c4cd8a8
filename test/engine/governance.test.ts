import * as assert from "assert";
import { writeFileSync } from "fs";
import { join } from "path";
import { createEngineWorkspace, EngineWorkspace } from "../../preview/engine/engine-workspace";
import { runEngineOperation } from "../../preview/engine/run-engine-operation";
import { engineViolations, requireEngine } from "../support/engine";

const ROOT = join(__dirname, "..", "..");
const NO_DOWNLOADS = { PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true" };
const AGENT = "kubernetes:apps/v1:Deployment: agent";

describe("who may exempt, and composed packs, under the real engine", function () {
  this.timeout(900_000);
  let engineBin: string;
  let workspace: EngineWorkspace;

  before(function () {
    engineBin = requireEngine(this);
    workspace = createEngineWorkspace(join(ROOT, "test", "fixtures", "programs", "self-exempted"));
  });
  after(() => workspace?.dispose());

  const preview = (pack: string, config?: object) => {
    const configs: string[] = [];
    if (config) {
      const file = join(workspace.workDir, `policy-config-${Date.now()}.json`);
      writeFileSync(file, JSON.stringify(config));
      configs.push(file);
    }
    return runEngineOperation(workspace, "preview", {
      engineBin,
      policyPacks: [pack],
      policyPackConfigs: configs,
      config: { "self-exempted:renderDir": join(workspace.workDir, "rendered") },
      env: NO_DOWNLOADS,
    });
  };

  it("the default pack refuses a workload's own exemption of mandatory policies and says so", async () => {
    const result = await preview(join(ROOT, "policies"));
    assert.strictEqual(result.exitCode, 1, `${result.stdout}\n${result.stderr}`);
    const blocked = engineViolations(result.stdout)
      .filter((v) => v.level === "mandatory" && v.resource === AGENT)
      .map((v) => v.policy);
    assert.ok(blocked.includes("privileged"), result.stdout);
    assert.ok(blocked.includes("run-as-non-root"), result.stdout);
    assert.match(
      result.stdout,
      /\[exemption of "privileged" from annotations refused: "privileged" is mandatory, so only the platform's pack config may exempt it \(allowExemptions\.rules\)\]/,
    );
  });

  it("with the platform's allow-list the exemption is honoured and shown as advisory", async () => {
    const result = await preview(join(ROOT, "policies"), {
      hardened: { allowExemptions: { rules: { allow: ["privileged", "run-as-non-root"] } } },
    });
    const violations = engineViolations(result.stdout).filter((v) => v.resource === AGENT);
    const mandatory = violations.filter((v) => v.level === "mandatory").map((v) => v.policy);
    assert.ok(!mandatory.includes("privileged"), result.stdout);
    assert.ok(!mandatory.includes("run-as-non-root"), result.stdout);
    assert.ok(
      violations.some((v) => v.level === "advisory" && v.policy === "hardened"),
      result.stdout,
    );
    assert.match(result.stdout, /"privileged" exempted by annotations \(reason: x\)/);
  });

  it("the ready restricted pack (packs/restricted) loads in the engine and reports restricted-profile policies only", async () => {
    const full = new Set(
      engineViolations((await preview(join(ROOT, "policies"))).stdout).map((v) => v.policy),
    );
    const result = await preview(join(ROOT, "packs", "restricted"));
    assert.strictEqual(result.exitCode, 1, `${result.stdout}\n${result.stderr}`);
    const policies = new Set(engineViolations(result.stdout).map((v) => v.policy));
    assert.ok(policies.has("privileged"), result.stdout);
    for (const hardenedOnly of ["liveness-probe", "readiness-probe", "memory-limit"]) {
      assert.ok(full.has(hardenedOnly), `the default pack reports ${hardenedOnly} here`);
      assert.ok(!policies.has(hardenedOnly), `${hardenedOnly} reported by the restricted pack`);
    }
  });
});
