import * as assert from "assert";
import { join } from "path";
import { createEngineWorkspace, EngineWorkspace } from "../../preview/engine/engine-workspace";
import { runEngineOperation } from "../../preview/engine/run-engine-operation";
import { EngineViolation, engineViolations, requireEngine } from "../support/engine";

const ROOT = join(__dirname, "..", "..");
const PROGRAM = join(ROOT, "examples", "helm-and-yaml");
const PACK = join(ROOT, "policies");
const NO_DOWNLOADS = { PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true" };

/** The children the provider creates, as the CLI names them (`<component>:<namespace>/<name>`). */
const CHART_POD = "kubernetes:core/v1:Pod: agent:agents/agent-debug";
const CHART_DAEMONSET = "kubernetes:apps/v1:DaemonSet: agent:agents/agent-logs";
const GROUP_POD = "kubernetes:core/v1:Pod: group:tools/group-debug";
const FILE_POD = "kubernetes:core/v1:Pod: tools/file-debug";

function mandatoryOn(violations: EngineViolation[], resource: string): string[] {
  return violations
    .filter((v) => v.level === "mandatory" && v.resource === resource)
    .map((v) => v.policy)
    .sort();
}

describe("pulumi preview --policy-pack on workloads the Kubernetes provider expands (real engine)", function () {
  this.timeout(900_000);
  let engineBin: string;
  let workspace: EngineWorkspace;

  before(function () {
    engineBin = requireEngine(this);
    workspace = createEngineWorkspace(PROGRAM);
  });

  after(() => workspace?.dispose());

  const preview = (policyPackConfigs: string[] = []) =>
    runEngineOperation(workspace, "preview", {
      engineBin,
      policyPacks: [PACK],
      policyPackConfigs,
      config: { "helm-and-yaml:renderDir": join(workspace.workDir, "rendered") },
      env: NO_DOWNLOADS,
    });

  it("fails the preview, rather than passing it unchecked, when there is no cluster and no renderYamlToDirectory", async () => {
    const noCluster = createEngineWorkspace(PROGRAM, { stack: "no-cluster" });
    try {
      const result = await runEngineOperation(noCluster, "preview", {
        engineBin,
        policyPacks: [PACK],
        env: { ...NO_DOWNLOADS, KUBECONFIG: join(noCluster.workDir, "no-such-kubeconfig") },
      });
      assert.strictEqual(result.exitCode, 1, `${result.stdout}\n${result.stderr}`);
      assert.match(
        result.stdout,
        /kubernetes:helm\.sh\/v4:Chart resource 'agent' has a problem: configured Kubernetes cluster is unreachable/,
      );
      assert.deepStrictEqual(engineViolations(result.stdout), []);
    } finally {
      noCluster.dispose();
    }
  });

  it("blocks the privileged Pods of a Helm chart, a ConfigGroup and a ConfigFile, and the chart's hostPath DaemonSet, naming each child", async () => {
    const result = await preview();
    assert.strictEqual(result.exitCode, 1, `${result.stdout}\n${result.stderr}`);
    assert.match(result.stdout, /❌ hardened-containers@v0\.1\.0/);
    const violations = engineViolations(result.stdout);
    for (const pod of [CHART_POD, GROUP_POD, FILE_POD]) {
      assert.ok(mandatoryOn(violations, pod).includes("privileged"), `${pod}: ${result.stdout}`);
    }
    assert.deepStrictEqual(mandatoryOn(violations, CHART_DAEMONSET), [
      "host-path-volumes",
      "volume-types",
    ]);
    assert.match(
      result.stdout,
      /container "debug": spec\.containers\[0\]\.securityContext\.privileged: privileged is true; expected false or unset/,
    );
  });

  it("lets the chart's DaemonSet through when the platform exempts it in --policy-pack-config", async () => {
    const result = await preview([join(PROGRAM, "exempt-log-agent.json")]);
    const violations = engineViolations(result.stdout);
    assert.deepStrictEqual(mandatoryOn(violations, CHART_DAEMONSET), [], result.stdout);
    assert.ok(mandatoryOn(violations, CHART_POD).includes("privileged"), result.stdout);
  });
});
