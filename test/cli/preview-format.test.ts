import { strict as assert } from "assert";
import { join, relative } from "path";
import { buildPack } from "../../dev/build-pack";
import { runCli } from "../support/run-cli";

const ROOT = join(__dirname, "..", "..");
const LEAKY = join(__dirname, "..", "fixtures", "programs", "leaky");

interface JsonFinding {
  ruleId: string;
  severity: string;
  file: string;
  kind: string;
  name: string;
  path: string;
}

describe("hardened preview --format (mocks)", function () {
  this.timeout(240000);
  before(() => buildPack());

  it("json: the pack's violations as findings, mandatory as errors, advisory as warnings; exit 1", () => {
    const run = runCli(["preview", "--engine", "mocks", "--format", "json", LEAKY]);
    assert.equal(run.code, 1, run.stderr);
    assert.doesNotMatch(run.stdout + run.stderr, /hunter2/);
    const { findings, summary } = JSON.parse(run.stdout) as {
      findings: JsonFinding[];
      summary: Record<string, unknown>;
    };
    const privileged = findings.find((f) => f.ruleId === "privileged");
    assert.deepEqual(
      privileged && {
        severity: privileged.severity,
        file: privileged.file,
        kind: privileged.kind,
        name: privileged.name,
      },
      {
        severity: "error",
        file: relative(ROOT, join(LEAKY, "index.ts")),
        kind: "kubernetes:apps/v1:Deployment",
        name: "api",
      },
    );
    assert.match(privileged?.path ?? "", /^urn:pulumi:dev::.*kubernetes:apps\/v1:Deployment::api$/);
    assert.equal(
      findings.find((f) => f.ruleId === "docker-build-secret-args")?.severity,
      "warning",
    );
    assert.equal(summary.engine, "mocks");
  });

  it("sarif: one result per violation, rules linked to docs/rules.md", () => {
    const run = runCli(["preview", "--engine", "mocks", "--format", "sarif", LEAKY]);
    assert.equal(run.code, 1, run.stderr);
    const log = JSON.parse(run.stdout) as {
      runs: {
        tool: { driver: { rules: { id: string; helpUri?: string }[] } };
        results: { ruleId: string; level: string }[];
      }[];
    };
    const [only] = log.runs;
    assert.ok(only.results.some((r) => r.ruleId === "privileged" && r.level === "error"));
    assert.equal(
      only.tool.driver.rules.find((r) => r.id === "privileged")?.helpUri,
      "https://github.com/pulumi-hardened/pulumi-hardened/blob/main/docs/rules.md#privileged",
    );
  });
});
