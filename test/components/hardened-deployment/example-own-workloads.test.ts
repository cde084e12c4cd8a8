import { strict as assert } from "assert";
import { mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import * as pulumi from "@pulumi/pulumi";
import { parse } from "yaml";
import { renderYaml } from "../../../preview/render-yaml";
import { Finding } from "../../../rules/finding";
import { evaluateWorkload } from "../../../rules/kubernetes/evaluate";
import { KubernetesObject } from "../../../rules/kubernetes/types";
import { PROFILES } from "../../../rules/profile";
import { runCli } from "../../support/run-cli";
import { IMAGE } from "./fixtures";
import { CapturedResource, captureResources, valueOf } from "./mocks";

const ROOT = join(__dirname, "..", "..", "..");
const PROGRAM = readFileSync(join(ROOT, "examples", "own-workloads", "index.ts"), "utf8");
const DOCS = readFileSync(join(ROOT, "docs", "hardened-deployment.md"), "utf8");
const SECTION = "## Hardening your own StatefulSet, Job or CronJob";

/** The `ts` code blocks of the docs' section on hardenPodSpec. */
function docBlocks(): string[] {
  const start = DOCS.indexOf(SECTION);
  assert.ok(start >= 0, `docs/hardened-deployment.md has no "${SECTION}"`);
  const next = DOCS.indexOf("\n## ", start + SECTION.length);
  const section = DOCS.slice(start, next < 0 ? undefined : next);
  return [...section.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);
}

describe("examples/own-workloads (the hardenPodSpec examples of the docs)", () => {
  let dir: string;
  let captured: CapturedResource[];
  let files: string[];

  before(async function () {
    this.timeout(120000);
    dir = mkdtempSync(join(tmpdir(), "own-workloads-"));
    captured = captureResources();
    pulumi.runtime.setConfig("own-workloads:image", IMAGE);
    pulumi.runtime.setConfig("own-workloads:dbImage", IMAGE.replace("/web@", "/postgres@"));
    pulumi.runtime.setConfig("own-workloads:renderDir", join(dir, "rendered"));
    const program = await import("../../../examples/own-workloads");
    await Promise.all([program.db, program.migrate, program.report].map((r) => valueOf(r.urn)));
    const provider = captured.find((r) => r.type === "pulumi:providers:kubernetes");
    assert.ok(provider, "the program creates a Kubernetes provider");
    const rendered = renderYaml(
      captured.map((r) => ({ type: r.type, name: r.name, urn: "", properties: r.inputs })),
      provider.inputs.renderYamlToDirectory as string,
    );
    assert.deepEqual(rendered.skipped, []);
    files = rendered.written;
  });

  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it("is the code the docs show, block by block", () => {
    const blocks = docBlocks();
    assert.equal(blocks.length, 3);
    for (const block of blocks) {
      assert.ok(PROGRAM.includes(block), `examples/own-workloads/index.ts lacks:\n${block}`);
    }
  });

  it("renders the StatefulSet, the Job, the CronJob and their ServiceAccounts", () => {
    assert.deepEqual(files, [
      "1-manifest/apps_v1-statefulset-shop-db.yaml",
      "1-manifest/batch_v1-cronjob-shop-report.yaml",
      "1-manifest/batch_v1-job-shop-migrate.yaml",
      "1-manifest/v1-serviceaccount-shop-db.yaml",
      "1-manifest/v1-serviceaccount-shop-migrate.yaml",
      "1-manifest/v1-serviceaccount-shop-report.yaml",
    ]);
  });

  for (const profile of PROFILES) {
    it(`renders no error finding in the ${profile} profile`, () => {
      const found: Finding[] = files.flatMap((file) =>
        evaluateWorkload(
          parse(readFileSync(join(dir, "rendered", file), "utf8")) as KubernetesObject,
          { profile },
        ),
      );
      assert.deepEqual(
        found.filter((f) => f.severity === "error" && !f.exempted).map((f) => f.path),
        [],
      );
    });
  }

  it("passes `hardened check`, with the db's exempted uid and the Jobs' missing probes shown", function () {
    this.timeout(120000);
    const run = runCli(["check", "--format", "json", join(dir, "rendered")]);
    assert.equal(run.code, 0, `${run.stdout}\n${run.stderr}`);
    const findings = (JSON.parse(run.stdout) as { findings: Record<string, unknown>[] }).findings;
    assert.deepEqual(
      findings.map((f) => [f.kind, f.ruleId, f.severity, f.path, f.exempted ?? false]),
      [
        [
          "StatefulSet",
          "high-uid",
          "warning",
          "spec.template.spec.securityContext.runAsUser",
          true,
        ],
        [
          "StatefulSet",
          "high-uid",
          "warning",
          "spec.template.spec.securityContext.runAsGroup",
          true,
        ],
        [
          "CronJob",
          "liveness-probe",
          "warning",
          "spec.jobTemplate.spec.template.spec.containers[0].livenessProbe",
          false,
        ],
        [
          "Job",
          "liveness-probe",
          "warning",
          "spec.template.spec.containers[0].livenessProbe",
          false,
        ],
      ],
    );
  });
});
