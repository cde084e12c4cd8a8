import { strict as assert } from "assert";
import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";
import { readFileSync, writeFileSync, mkdtempSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import type * as sarif from "sarif";
import { PROFILES } from "../../rules/profile";
import { runCli } from "../support/run-cli";

const FIXTURES = join(__dirname, "..", "fixtures", "manifests");
const fixture = (name: string) => join(FIXTURES, name);

interface JsonFinding {
  ruleId: string;
  severity: string;
  file: string;
  document: number;
  kind: string;
  name: string;
  namespace: string | null;
  container: string | null;
  path: string;
  message: string;
  line?: number;
  exempted?: boolean;
  exemptionReason?: string;
}

function checkJson(args: string[], stdin?: string) {
  const run = runCli(["check", "--format", "json", ...args], { stdin });
  return {
    ...run,
    json: JSON.parse(run.stdout) as { findings: JsonFinding[]; summary: Record<string, unknown> },
  };
}

describe("hardened check", () => {
  for (const profile of PROFILES) {
    it(`passes a fully hardened Deployment with exit 0 (${profile})`, () => {
      const run = checkJson(["--profile", profile, fixture("hardened-deployment.yaml")]);
      assert.deepEqual(run.json.findings, []);
      assert.equal(run.code, 0);
      assert.equal(run.json.summary.checked, 1);
      assert.equal(run.json.summary.profile, profile);
    });
  }

  it("reports every finding with file, document, kind, name, namespace, container, exact path and line", () => {
    const run = checkJson([fixture("privileged-multi.yaml")]);
    assert.equal(run.code, 1);
    const privileged = run.json.findings.filter((f) => f.ruleId === "privileged");
    assert.deepEqual(privileged, [
      {
        ruleId: "privileged",
        severity: "error",
        file: fixture("privileged-multi.yaml"),
        document: 1,
        kind: "CronJob",
        name: "nightly",
        namespace: "ops",
        container: "setup",
        path: "spec.jobTemplate.spec.template.spec.initContainers[0].securityContext.privileged",
        message: "privileged is true; expected false or unset",
        line: 24,
      },
    ]);
    assert.equal(run.json.summary.checked, 1, "one workload: the CronJob");
    assert.equal(run.json.summary.otherObjects, 1, "the ConfigMap is read but yields nothing");
  });

  it("reads standard input, as from `helm template … | hardened check -`", () => {
    const text = readFileSync(fixture("privileged-multi.yaml"), "utf8");
    for (const args of [["-"], []]) {
      const run = checkJson(args, text);
      assert.equal(run.code, 1);
      assert.ok(run.json.findings.some((f) => f.ruleId === "privileged" && f.file === "-"));
    }
  });

  it("walks directories recursively, reads JSON and List kinds, and honours container-scoped exemptions", () => {
    const run = checkJson([join(FIXTURES, "dir")]);
    const privileged = run.json.findings.filter((f) => f.ruleId === "privileged");
    assert.deepEqual(
      privileged.map((f) => [f.file, f.kind, f.path, f.container, f.exempted ?? false]),
      [
        [
          fixture("dir/list.json"),
          "Pod",
          "items[1].spec.containers[0].securityContext.privileged",
          "c",
          false,
        ],
        [
          fixture("dir/nested/exempt.yml"),
          "DaemonSet",
          "spec.template.spec.initContainers[0].securityContext.privileged",
          "istio-init",
          true,
        ],
        [
          fixture("dir/nested/exempt.yml"),
          "DaemonSet",
          "spec.template.spec.containers[0].securityContext.privileged",
          "app",
          false,
        ],
      ],
    );
    assert.equal(
      privileged.find((f) => f.exempted)?.exemptionReason,
      "istio-init programs iptables and needs privileges",
    );
    assert.equal(run.code, 1);
  });

  it("exits 0 when the only error findings are exempted", () => {
    const dir = mkdtempSync(join(tmpdir(), "hardened-"));
    const config = join(dir, "config.yaml");
    writeFileSync(
      config,
      "profile: baseline\nexemptions:\n  - rule: privileged\n    kind: CronJob\n    name: night*\n    reason: legacy job, tracked in OPS-12\n",
    );
    const run = checkJson(["--config", config, fixture("privileged-multi.yaml")]);
    assert.equal(run.code, 0, run.stdout);
    assert.ok(run.json.findings.length > 0 && run.json.findings.every((f) => f.exempted));
  });

  it("reports an exemption annotation without a reason as an error and does not honour it", () => {
    const text = readFileSync(fixture("dir/nested/exempt.yml"), "utf8").replace(
      /\s+hardened\.dev\/exempt-reason:.*\n/,
      "\n",
    );
    const run = checkJson(["--profile", "baseline", "-"], text);
    assert.equal(run.code, 1);
    const ids = run.json.findings.map((f) => [f.ruleId, f.path, f.exempted ?? false]);
    assert.deepEqual(
      ids.filter(([id]) => id === "exemption-reason-required"),
      [["exemption-reason-required", 'metadata.annotations["hardened.dev/exempt-reason"]', false]],
    );
    assert.ok(run.json.findings.every((f) => !f.exempted));
  });

  it("rejects a malformed document naming the file and the document index, with exit 2", () => {
    const run = runCli(["check", fixture("malformed.yaml")]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /malformed\.yaml: document 1 \(line \d+\): malformed YAML/);
    assert.doesNotMatch(run.stderr, /at .*\.ts:\d+/, "no stack trace");
  });

  it("rejects documents that are not Kubernetes objects", () => {
    const run = runCli(["check", "-"], { stdin: "- just\n- a list\n" });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /-: document 0: not a Kubernetes object/);
  });

  it("exits 2 on unreadable files, unknown options and bad values", () => {
    assert.equal(runCli(["check", "/does/not/exist.yaml"]).code, 2);
    assert.match(
      runCli(["check", "/does/not/exist.yaml"]).stderr,
      /cannot read \/does\/not\/exist\.yaml: ENOENT/,
    );
    assert.equal(
      runCli(["check", "--profile", "strict", fixture("hardened-deployment.yaml")]).code,
      2,
    );
    const badVersion = runCli([
      "check",
      "--pss-version",
      "1.30",
      fixture("hardened-deployment.yaml"),
    ]);
    assert.equal(badVersion.code, 2);
    assert.match(
      badVersion.stderr,
      /--pss-version: invalid Pod Security Standards version "1\.30"/,
    );
  });

  it("rejects an invalid config naming the file and the field", () => {
    const dir = mkdtempSync(join(tmpdir(), "hardened-"));
    const config = join(dir, "bad.yaml");
    writeFileSync(config, "exemptions:\n  - rule: privileged\n    name: web\n");
    const run = runCli(["check", "--config", config, fixture("hardened-deployment.yaml")]);
    assert.equal(run.code, 2);
    assert.match(
      run.stderr,
      /bad\.yaml: exemptions\[0\]\.reason: missing; expected a string that is not blank/,
    );
    writeFileSync(config, "exemptions:\n  - rule: no-such-rule\n    reason: x\n");
    assert.match(
      runCli(["check", "--config", config, "-"]).stderr,
      /exemptions\[0\]\.rule: "no-such-rule" is not a known rule id/,
    );
  });

  it("prints people-readable text grouped by resource, with the field and the fix", () => {
    const run = runCli(["check", "--profile", "baseline", fixture("privileged-multi.yaml")]);
    assert.equal(run.code, 1);
    assert.match(run.stdout, /privileged-multi\.yaml document 1: CronJob ops\/nightly\n/);
    assert.match(
      run.stdout,
      /error {3}privileged {2}line 24: spec\.jobTemplate\.spec\.template\.spec\.initContainers\[0\]\.securityContext\.privileged \(container setup\)\n {10}privileged is true; expected false or unset\n {10}fix: Remove securityContext\.privileged or set it to false\./,
    );
    assert.match(
      run.stdout,
      /\n1 file read: 1 other Kubernetes object; nothing skipped\n1 error, 0 warnings, 0 notes in 1 workload checked \(profile baseline, pssVersion latest\)\n$/,
    );
  });

  it("writes SARIF 2.1.0 that validates against the SARIF schema", () => {
    const run = runCli([
      "check",
      "--format",
      "sarif",
      join(FIXTURES, "dir"),
      fixture("privileged-multi.yaml"),
    ]);
    assert.equal(run.code, 1);
    const log = JSON.parse(run.stdout) as sarif.Log;
    const schema = JSON.parse(
      readFileSync(
        require.resolve("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json"),
        "utf8",
      ),
    );
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const valid = ajv.validate(schema, log);
    assert.ok(valid, JSON.stringify(ajv.errors, null, 2));
    const results = log.runs[0].results ?? [];
    const exempted = results.filter((r) => r.suppressions);
    assert.ok(exempted.length > 0, "exempted findings are suppressed results");
    const cron = results.find(
      (r) =>
        r.ruleId === "privileged" &&
        r.locations?.[0].physicalLocation?.artifactLocation?.uri?.endsWith("privileged-multi.yaml"),
    );
    assert.equal(cron?.locations?.[0].physicalLocation?.region?.startLine, 24);
    assert.equal(cron?.level, "error");
    const ruleIds = (log.runs[0].tool.driver.rules ?? []).map((r) => r.id);
    assert.ok(ruleIds.includes("privileged"));
    assert.deepEqual(
      (log.runs[0].invocations?.[0].toolExecutionNotifications ?? []).map((n) => [
        n.level,
        n.descriptor?.id,
        n.message.text,
        n.locations?.[0].physicalLocation?.artifactLocation?.uri,
      ]),
      [["note", "not-yaml", "not-yaml: not a .yaml, .yml, .json file", fixture("dir/notes.txt")]],
      "skipped inputs are tool execution notifications",
    );
  });
});
