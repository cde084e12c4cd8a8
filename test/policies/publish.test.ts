import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { AnalyzerConnection } from "../../policies/protocol/analyzer-client";
import { startEngineServer } from "../../policies/protocol/engine-server";
import { startPolicyPack } from "../../policies/protocol/policy-pack-process";
import { stagePolicyPack } from "../../policies/publish";
import { REPO_ROOT, buildPack } from "../support/analyzer/build-pack";

describe("stagePolicyPack (for pulumi policy publish)", function () {
  this.timeout(120000);

  it("stages a self-contained pack that starts and serves every policy", async () => {
    buildPack();
    const out = stagePolicyPack(path.join(REPO_ROOT, "bin", "publish-test", "hardened-containers"));
    const manifest = JSON.parse(fs.readFileSync(path.join(out, "package.json"), "utf8"));
    assert.equal(manifest.name, "hardened-containers");
    assert.equal(manifest.main, "policies/index.js");
    assert.equal(manifest.private, undefined);
    assert.ok(manifest.dependencies["@pulumi/policy"]);
    assert.ok(manifest.dependencies["@pulumi/pulumi"]);
    assert.equal(manifest.dependencies["@pulumi/kubernetes"], undefined);
    assert.ok(fs.existsSync(path.join(out, "PulumiPolicy.yaml")));
    const engine = await startEngineServer();
    const pack = await startPolicyPack(out, { engineAddress: engine.address });
    const client = new AnalyzerConnection(pack.address);
    try {
      const info = await client.getAnalyzerInfo();
      assert.equal(info.name, "hardened-containers");
      assert.ok(info.policies.some((p) => p.name === "privileged"));
    } finally {
      client.close();
      await pack.stop();
      await engine.stop();
    }
  });
});
