import * as assert from "assert";
import { readFileSync, readdirSync, writeFileSync } from "fs";
import { join } from "path";
import { parseAllDocuments } from "yaml";
import { createEngineWorkspace, EngineWorkspace } from "../../preview/engine/engine-workspace";
import { runEngineOperation } from "../../preview/engine/run-engine-operation";
import { engineViolations, requireEngine } from "../support/engine";

const ROOT = join(__dirname, "..", "..");
const PACK = join(ROOT, "policies");
const NO_DOWNLOADS = { PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true" };

describe("--policy-pack-config under the real engine", function () {
  this.timeout(900_000);
  let engineBin: string;
  const workspaces: EngineWorkspace[] = [];

  before(function () {
    engineBin = requireEngine(this);
  });

  after(() => workspaces.forEach((w) => w.dispose()));

  function workspaceOf(program: string): EngineWorkspace {
    const workspace = createEngineWorkspace(program);
    workspaces.push(workspace);
    return workspace;
  }

  function configFile(workspace: EngineWorkspace, config: object): string {
    const file = join(workspace.workDir, `policy-config-${Object.keys(config).join("-")}.json`);
    writeFileSync(file, JSON.stringify(config));
    return file;
  }

  describe("on examples/helm-and-yaml", () => {
    let workspace: EngineWorkspace;
    before(() => {
      workspace = workspaceOf(join(ROOT, "examples", "helm-and-yaml"));
    });
    const preview = (config: object) =>
      runEngineOperation(workspace, "preview", {
        engineBin,
        policyPacks: [PACK],
        policyPackConfigs: [configFile(workspace, config)],
        config: { "helm-and-yaml:renderDir": join(workspace.workDir, "rendered") },
        env: NO_DOWNLOADS,
      });

    it('"all": "advisory" turns every violation into a warning, and the preview succeeds', async () => {
      const result = await preview({ all: "advisory" });
      assert.strictEqual(result.exitCode, 0, `${result.stdout}\n${result.stderr}`);
      const violations = engineViolations(result.stdout);
      assert.deepStrictEqual(
        violations.filter((v) => v.level !== "advisory"),
        [],
      );
      assert.deepStrictEqual(
        violations
          .filter((v) => v.policy === "privileged")
          .map((v) => v.resource)
          .sort(),
        [
          "kubernetes:core/v1:Pod: agent:agents/agent-debug",
          "kubernetes:core/v1:Pod: group:tools/group-debug",
          "kubernetes:core/v1:Pod: tools/file-debug",
        ],
      );
    });

    it("a disabled policy reports nothing, and the others still block", async () => {
      const result = await preview({ privileged: "disabled" });
      assert.notStrictEqual(result.exitCode, 0, result.stdout);
      const violations = engineViolations(result.stdout);
      assert.deepStrictEqual(
        violations.filter((v) => v.policy === "privileged"),
        [],
      );
      assert.ok(
        violations.some((v) => v.level === "mandatory" && v.policy === "host-path-volumes"),
        result.stdout,
      );
    });
  });

  describe("a stack policy (network-policy-isolation) at the end of an update", () => {
    it("runs after the resources are written, and a mandatory violation fails pulumi up", async () => {
      const workspace = workspaceOf(join(ROOT, "test", "fixtures", "programs", "unisolated"));
      const renderDir = join(workspace.workDir, "rendered");
      const result = await runEngineOperation(workspace, "up", {
        engineBin,
        policyPacks: [PACK],
        policyPackConfigs: [configFile(workspace, { "network-policy-isolation": "mandatory" })],
        config: { "unisolated:renderDir": renderDir },
        env: NO_DOWNLOADS,
      });
      assert.strictEqual(result.exitCode, 1, `${result.stdout}\n${result.stderr}`);
      assert.deepStrictEqual(
        engineViolations(result.stdout).filter((v) => v.level === "mandatory"),
        [
          {
            level: "mandatory",
            policy: "network-policy-isolation",
            resource: "kubernetes:apps/v1:Deployment: api",
          },
        ],
      );
      const written = readdirSync(join(renderDir, "1-manifest"));
      assert.ok(
        written.some((f) => /deployment/i.test(f)),
        `a stack policy runs after the resources exist: ${written.join(", ")}`,
      );
    });
  });

  describe("an exemption of a stack policy (network-policy-isolation) from the platform's config", () => {
    it("lifts the block and shows the exemption as an advisory diagnostic of the hardened policy on the workload", async () => {
      const workspace = workspaceOf(join(ROOT, "test", "fixtures", "programs", "unisolated"));
      const result = await runEngineOperation(workspace, "preview", {
        engineBin,
        policyPacks: [PACK],
        policyPackConfigs: [
          configFile(workspace, {
            "network-policy-isolation": {
              enforcementLevel: "mandatory",
              exemptions: [
                { rule: "network-policy-isolation", name: "api", reason: "isolated by the mesh" },
              ],
            },
          }),
        ],
        config: { "unisolated:renderDir": join(workspace.workDir, "rendered") },
        env: NO_DOWNLOADS,
      });
      assert.strictEqual(result.exitCode, 0, `${result.stdout}\n${result.stderr}`);
      const violations = engineViolations(result.stdout);
      assert.ok(!violations.some((v) => v.policy === "network-policy-isolation"), result.stdout);
      assert.ok(
        violations.some(
          (v) =>
            v.level === "advisory" &&
            v.policy === "hardened" &&
            v.resource === "kubernetes:apps/v1:Deployment: api",
        ),
        result.stdout,
      );
      assert.match(
        result.stdout,
        /"network-policy-isolation" exempted by config \(reason: isolated by the mesh\)/,
      );
    });
  });

  describe("remediate on read-only-root-filesystem", () => {
    it("pulumi up writes the Deployment with readOnlyRootFilesystem: true", async () => {
      const workspace = workspaceOf(join(ROOT, "test", "fixtures", "programs", "remediate"));
      const renderDir = join(workspace.workDir, "rendered");
      const result = await runEngineOperation(workspace, "up", {
        engineBin,
        policyPacks: [PACK],
        policyPackConfigs: [configFile(workspace, { "read-only-root-filesystem": "remediate" })],
        config: { "remediate:renderDir": renderDir },
        env: NO_DOWNLOADS,
      });
      assert.strictEqual(result.exitCode, 0, `${result.stdout}\n${result.stderr}`);
      const dir = join(renderDir, "1-manifest");
      const [file] = readdirSync(dir).filter((f) => /deployment/i.test(f));
      const [deployment] = parseAllDocuments(readFileSync(join(dir, file), "utf8")).map(
        (d) =>
          d.toJS() as {
            spec: { template: { spec: { containers: { securityContext: object }[] } } };
          },
      );
      assert.deepStrictEqual(deployment.spec.template.spec.containers[0].securityContext, {
        allowPrivilegeEscalation: false,
        capabilities: { drop: ["ALL"] },
        readOnlyRootFilesystem: true,
      });
    });
  });
});
