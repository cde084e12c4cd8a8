import { strict as assert } from "assert";
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { runCli } from "../support/run-cli";

const FIXTURE = join(__dirname, "..", "fixtures", "manifests", "pod-template-kinds.yaml");

const BUILT_IN: readonly (readonly [kind: string, path: string])[] = [
  ["Rollout", "spec.template.spec.containers[0].securityContext.privileged"],
  ["Service", "spec.template.spec.containers[0].securityContext.privileged"],
  ["DeploymentConfig", "spec.template.spec.containers[0].securityContext.privileged"],
  ["ScaledJob", "spec.jobTargetRef.template.spec.containers[0].securityContext.privileged"],
];

function privileged(args: readonly string[]): { code: number | null; found: string[][] } {
  const run = runCli(["check", "--format", "json", "--profile", "baseline", ...args, FIXTURE]);
  const json = JSON.parse(run.stdout) as {
    findings: { ruleId: string; kind: string; path: string }[];
  };
  return {
    code: run.code,
    found: json.findings.filter((f) => f.ruleId === "privileged").map((f) => [f.kind, f.path]),
  };
}

function configFile(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), "hardened-")), "hardened.yaml");
  writeFileSync(file, text);
  return file;
}

describe("hardened check: pod templates in kinds beyond the core workloads", () => {
  it("reports Argo Rollouts, Knative Services, OpenShift DeploymentConfigs and KEDA ScaledJobs at their pod-template paths", () => {
    const run = privileged([]);
    assert.deepEqual(run.found, BUILT_IN);
    assert.equal(run.code, 1);
  });

  it("reports a custom kind declared in the config's podTemplates", () => {
    const config = configFile(
      "podTemplates:\n  - apiVersion: acme.dev/v1\n    kind: Worker\n    path: spec.runner.template\n",
    );
    assert.deepEqual(privileged(["--config", config]).found, [
      ...BUILT_IN,
      ["Worker", "spec.runner.template.spec.containers[0].securityContext.privileged"],
    ]);
  });

  it("honours the README's config file example, which declares the fixture's custom kind", () => {
    const readme = readFileSync(join(__dirname, "..", "..", "README.md"), "utf8");
    const start =
      readme.indexOf("```yaml\n", readme.indexOf("**Config file**")) + "```yaml\n".length;
    const config = configFile(readme.slice(start, readme.indexOf("```", start)));
    assert.deepEqual(privileged(["--config", config]).found.at(-1), [
      "Worker",
      "spec.runner.template.spec.containers[0].securityContext.privileged",
    ]);
  });

  it("rejects a podTemplates entry with a bad field, naming the file, entry and field, exit 2", () => {
    const config = configFile(
      "podTemplates:\n  - apiVersion: acme.dev/v1\n    kind: Worker\n    path: spec.runner[0]\n",
    );
    const run = runCli(["check", "--config", config, FIXTURE]);
    assert.equal(run.code, 2);
    assert.match(
      run.stderr,
      /hardened\.yaml: podTemplates\[0\]\.path: "spec\.runner\[0\]" is not a dotted field path like "spec\.template"/,
    );
  });
});
