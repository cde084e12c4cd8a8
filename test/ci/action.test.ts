import { strict as assert } from "assert";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { readAction, runCompositeAction } from "./composite-action";

const ROOT = join(__dirname, "..", "..");
const ACTION = join(ROOT, "action.yml");

describe("action.yml (the composite GitHub Action)", function () {
  this.timeout(300_000);
  let suite: string;
  let dir: string;

  before(() => {
    suite = mkdtempSync(join(tmpdir(), "hardened-action-"));
  });
  beforeEach(() => {
    dir = mkdtempSync(join(suite, "test-"));
  });
  after(() => rmSync(suite, { recursive: true, force: true }));

  it("installs, runs, uploads the SARIF and only then fails", () => {
    const action = readAction(ACTION);
    assert.equal(action.runs.using, "composite");
    const steps = action.runs.steps;
    const at = (test: (s: (typeof steps)[number]) => boolean) => steps.findIndex(test);
    const install = at((s) => s.id === "install");
    const run = at((s) => s.id === "run");
    const upload = at((s) => (s.uses ?? "").startsWith("github/codeql-action/upload-sarif@"));
    const fail = steps.length - 1;
    assert.ok(
      install >= 0 && install < run && run < upload && upload < fail,
      "install, run, upload, fail",
    );
    assert.match(
      steps[upload].if ?? "",
      /always\(\)/,
      "the upload runs whatever happened before it",
    );
    assert.match(steps[fail].run ?? "", /exit 1/);
    for (const step of steps.filter((s) => s.run !== undefined)) {
      assert.equal(step.shell, "bash");
      assert.doesNotMatch(
        step.run ?? "",
        /\$\{\{/,
        "inputs reach scripts through env, not interpolated",
      );
    }
  });

  /** PATH entries of the install step, run once for the suite. */
  let installed: string[] | undefined;

  /**
   * Runs the action in a workspace holding `files`, with the package installed from this checkout:
   * the install step runs once (npm takes most of a minute to link a checkout), the other steps on
   * every call.
   */
  function runAction(files: Record<string, string>, inputs: Record<string, string>) {
    const workspace = join(dir, "workspace");
    mkdirSync(workspace, { recursive: true });
    for (const [name, source] of Object.entries(files)) {
      mkdirSync(join(workspace, name, ".."), { recursive: true });
      copyFileSync(source, join(workspace, name));
    }
    const options = {
      actionPath: ROOT,
      workspace,
      inputs: { package: ROOT, ...inputs },
      env: { NO_COLOR: "1" },
    };
    if (installed === undefined) {
      const install = runCompositeAction(readAction(ACTION), { ...options, only: ["install"] });
      assert.equal(install.status, "success", install.steps[0]?.stderr);
      assert.ok(
        install.path.length > 0,
        "the install step adds the package's bin folder to GITHUB_PATH",
      );
      installed = install.path;
    }
    return runCompositeAction(readAction(ACTION), {
      ...options,
      only: ["run", "upload", "fail"],
      path: installed,
    });
  }

  it("check on a failing manifest: SARIF uploaded with the findings, annotations printed, then the job fails", () => {
    const result = runAction(
      { "k8s/privileged.yaml": join(ROOT, "test/fixtures/manifests/privileged-multi.yaml") },
      { command: "check", paths: "k8s" },
    );
    const [run, upload, fail] = result.steps;
    assert.equal(run.outcome, "success", run.stderr);
    assert.match(run.stdout, /^::error file=k8s\/privileged\.yaml,line=\d+/m, "annotations");
    assert.equal(upload.outcome, "success");
    assert.equal(upload.with?.category, "hardened-check");
    const sarif = JSON.parse(readFileSync(upload.with?.sarif_file ?? "", "utf8"));
    assert.equal(sarif.version, "2.1.0");
    assert.ok(sarif.runs[0].results.some((r: { ruleId: string }) => r.ruleId === "privileged"));
    assert.equal(fail.outcome, "failure", "the job fails after the upload");
    assert.equal(result.status, "failure");
    assert.equal(result.outputs["exit-code"], "1");
  });

  it("lint on a compliant Dockerfile: SARIF uploaded, nothing fails", () => {
    const result = runAction(
      { "app/Dockerfile": join(ROOT, "test/fixtures/dockerfiles/go.Dockerfile") },
      { command: "lint", paths: "app/Dockerfile", annotations: "false" },
    );
    const [run, upload, fail] = result.steps;
    assert.equal(run.outcome, "success", run.stderr);
    assert.equal(upload.outcome, "success");
    assert.equal(upload.with?.category, "hardened-lint");
    const sarif = JSON.parse(readFileSync(upload.with?.sarif_file ?? "", "utf8"));
    assert.deepEqual(
      sarif.runs[0].results.filter((r: { level: string }) => r.level === "error"),
      [],
    );
    assert.equal(fail.outcome, "skipped");
    assert.equal(result.status, "success");
    assert.equal(result.outputs["exit-code"], "0");
  });

  it("lint on a Dockerfile that runs as root fails after the upload; fail-on none only uploads", () => {
    const dockerfile = join(dir, "Dockerfile");
    writeFileSync(dockerfile, 'FROM debian:12\nUSER root\nCMD ["sleep", "1"]\n');
    const failing = runAction({ Dockerfile: dockerfile }, { command: "lint", paths: "Dockerfile" });
    assert.deepEqual(
      failing.steps.map((s) => s.outcome),
      ["success", "success", "failure"],
    );
    rmSync(join(dir, "workspace"), { recursive: true, force: true });
    const reported = runAction(
      { Dockerfile: dockerfile },
      { command: "lint", paths: "Dockerfile", "fail-on": "none", "upload-sarif": "false" },
    );
    assert.deepEqual(
      reported.steps.map((s) => s.outcome),
      ["success", "skipped", "skipped"],
    );
    assert.equal(reported.status, "success");
  });

  it("a usage error fails the run step and nothing is uploaded", () => {
    const result = runAction({}, { command: "verify" });
    assert.deepEqual(
      result.steps.map((s) => s.outcome),
      ["failure", "skipped", "skipped"],
    );
    assert.match(result.steps[0].stdout, /::error::command must be check or lint/);
  });
});
