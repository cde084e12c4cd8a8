import { strict as assert } from "assert";
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { AnalyzerConnection } from "../../preview/analyzer/analyzer-client";
import { startEngineServer } from "../../preview/analyzer/engine-server";
import { startPolicyPack } from "../../preview/analyzer/policy-pack-process";
import { packDependencies, stagePolicyPack } from "../../policies/publish";
import { REPO_ROOT, buildPack } from "../../dev/build-pack";
import { hardenedPodSpec, setPath, workloadOf } from "../fixtures/workloads";

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

function jsFilesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? jsFilesUnder(full) : entry.name.endsWith(".js") ? [full] : [];
  });
}

describe("the published package's policies/ folder (pulumi policy publish from where it is installed)", function () {
  this.timeout(180000);

  it("holds only the pack, names its dependencies, and loads as a pack once copied out of an installed tarball", async () => {
    buildPack();
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "hardened-tarball-"));
    try {
      const [packed] = JSON.parse(
        execFileSync("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", tmp], {
          cwd: REPO_ROOT,
          encoding: "utf8",
          stdio: ["ignore", "pipe", "ignore"],
        }),
      ) as { filename: string; files: { path: string }[] }[];
      const packFiles = packed.files.map((f) => f.path).filter((p) => p.startsWith("policies/"));
      assert.deepEqual(packFiles.filter((p) => !p.startsWith("policies/lib/")).sort(), [
        "policies/PulumiPolicy.yaml",
        "policies/package.json",
      ]);
      assert.deepEqual(
        packFiles.filter(
          (p) =>
            !/^policies\/(package\.json|PulumiPolicy\.yaml|lib\/(policies|rules)\/.+\.js)$/.test(p),
        ),
        [],
        "compiled JavaScript of the pack and its rules only",
      );
      assert.ok(packFiles.includes("policies/lib/policies/index.js"));
      assert.deepEqual(
        packFiles.filter((p) =>
          /protocol|analyzer-client|engine-server|policy-pack-process/.test(p),
        ),
        [],
        "the Analyzer harness is not in the pack",
      );

      // Installed as npm installs it: the tarball's package/ as node_modules/pulumi-hardened.
      const modules = path.join(tmp, "project", "node_modules");
      fs.mkdirSync(modules, { recursive: true });
      execFileSync("tar", ["-xzf", path.join(tmp, packed.filename), "-C", modules]);
      fs.renameSync(path.join(modules, "package"), path.join(modules, "pulumi-hardened"));
      const pack = path.join(tmp, "hardened-containers");
      fs.cpSync(path.join(modules, "pulumi-hardened", "policies"), pack, { recursive: true });

      const manifest = JSON.parse(fs.readFileSync(path.join(pack, "package.json"), "utf8"));
      assert.equal(manifest.main, "lib/policies/index.js");
      assert.deepEqual(
        manifest.dependencies,
        packDependencies(jsFilesUnder(path.join(pack, "lib"))),
        "policies/package.json names exactly the packages the pack's code requires",
      );
      // What `npm install` in the copied folder provides, from the repository's own install.
      fs.symlinkSync(path.join(REPO_ROOT, "node_modules"), path.join(pack, "node_modules"), "dir");
      const engine = await startEngineServer();
      const started = await startPolicyPack(pack, { engineAddress: engine.address });
      const client = new AnalyzerConnection(started.address);
      try {
        const info = await client.getAnalyzerInfo();
        assert.equal(info.name, "hardened-containers");
        await client.configure({});
        const spec = hardenedPodSpec();
        setPath(spec, "containers[0].securityContext.privileged", true);
        const diagnostics = await client.analyze({
          type: "kubernetes:apps/v1:Deployment",
          name: "app",
          urn: "urn:pulumi:dev::shop::kubernetes:apps/v1:Deployment::app",
          properties: { ...(workloadOf("Deployment", spec) as object), apiVersion: "apps/v1" },
        });
        assert.deepEqual(
          diagnostics.map((d) => d.policyName),
          ["privileged"],
        );
        assert.equal(started.stderr(), "");
      } finally {
        client.close();
        await started.stop();
        await engine.stop();
      }
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
