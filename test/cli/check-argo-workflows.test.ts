import { strict as assert } from "assert";
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { runCli } from "../support/run-cli";

const FIXTURES = join(__dirname, "..", "fixtures", "manifests");
const WORKFLOWS = join(FIXTURES, "argo-workflows.yaml");
const HARDENED = join(FIXTURES, "argo-workflow-hardened.yaml");

interface Found {
  readonly ruleId: string;
  readonly severity: string;
  readonly kind: string;
  readonly path: string;
  readonly container: string | null;
  readonly line?: number;
}

function check(args: readonly string[]): { code: number | null; findings: Found[] } {
  const run = runCli(["check", "--no-config", "--format", "json", ...args]);
  return { code: run.code, findings: (JSON.parse(run.stdout) as { findings: Found[] }).findings };
}

describe("hardened check: Argo Workflows, CronWorkflows and workflow templates", () => {
  it("reports each problem where the pod takes it from: a sidecar, the workflow spec, a script, a containerSet, a podSpecPatch, a template volume", () => {
    const run = check(["--profile", "baseline", WORKFLOWS]);
    assert.deepEqual(
      run.findings.map((f) => [f.kind, f.ruleId, f.path, f.container, f.line]),
      [
        [
          "Workflow",
          "privileged",
          "spec.templates[1].sidecars[0].securityContext.privileged",
          "dind",
          28,
        ],
        ["Workflow", "host-namespaces", "spec.hostNetwork", null, 37],
        [
          "CronWorkflow",
          "privileged",
          "spec.workflowSpec.templates[0].script.securityContext.privileged",
          "main",
          70,
        ],
        [
          "WorkflowTemplate",
          "privileged",
          "spec.templates[0].containerSet.containers[1].securityContext.privileged",
          "test",
          93,
        ],
        ["ClusterWorkflowTemplate", "privileged", "spec.templates[0].podSpecPatch", "main", 103],
        [
          "ClusterWorkflowTemplate",
          "host-path-volumes",
          "spec.templates[0].volumes[0].hostPath",
          null,
          111,
        ],
      ],
    );
    assert.equal(run.code, 1);
  });

  it("passes a workflow that sets the pod and container settings once for every template", () => {
    const run = check([HARDENED]);
    assert.deepEqual(
      run.findings.map((f) => [f.ruleId, f.severity, f.path]),
      [
        ["liveness-probe", "warning", "spec.templates[1].container.livenessProbe"],
        ["liveness-probe", "warning", "spec.templates[2].script.livenessProbe"],
      ],
    );
    assert.equal(run.code, 0);
  });

  const mutations: readonly [change: string, from: string, to: string, expected: string[]][] = [
    [
      "the workflow-wide runAsNonRoot removed",
      "    runAsNonRoot: true\n",
      "",
      [
        "run-as-non-root spec.templateDefaults.container.securityContext.runAsNonRoot",
        "run-as-non-root spec.templates[2].script.securityContext.runAsNonRoot",
      ],
    ],
    [
      "templateDefaults no longer dropping capabilities, reported where the container settings are written",
      "        capabilities: { drop: [ALL] }\n      resources:",
      "      resources:",
      ["capabilities-restricted spec.templateDefaults.container.securityContext.capabilities.drop"],
    ],
    [
      "the token mounted",
      "automountServiceAccountToken: false",
      "automountServiceAccountToken: true",
      ["automount-service-account-token spec.automountServiceAccountToken"],
    ],
  ];
  for (const [change, from, to, expected] of mutations) {
    it(`fails the hardened workflow with ${change}`, () => {
      const text = readFileSync(HARDENED, "utf8");
      assert.ok(text.includes(from), from);
      const file = join(mkdtempSync(join(tmpdir(), "hardened-")), "workflow.yaml");
      writeFileSync(file, text.replace(from, to));
      const run = check([file]);
      assert.deepEqual(
        run.findings.filter((f) => f.severity === "error").map((f) => `${f.ruleId} ${f.path}`),
        expected,
      );
      assert.equal(run.code, 1);
    });
  }
});
