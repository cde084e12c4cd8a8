import { strict as assert } from "assert";
import { spawnSync } from "child_process";
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { escapeControl } from "../../cli/terminal-text";
import { lintDockerfile } from "../../rules/dockerfile/lint";
import { runCli } from "../support/run-cli";

const ROOT = join(__dirname, "..", "..");

const pod = (name: string, i: number) =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: ${JSON.stringify(name)}}\nspec:\n  containers:\n  - {name: c${i}, image: x}\n`;

describe("hardened never ends in a stack trace", function () {
  this.timeout(120_000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "hardened-hostile-cli-"));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("ends quietly when its output pipe closes (hardened check … | head -c 100)", () => {
    const file = join(dir, "many.yaml");
    writeFileSync(file, Array.from({ length: 300 }, (_, i) => pod(`p${i}`, i)).join("---\n"));
    const run = spawnSync(
      "bash",
      [
        "-c",
        `node -r ts-node/register/transpile-only cli/hardened.ts check "$1" | head -c 100 >/dev/null; echo "exit=\${PIPESTATUS[0]}"`,
        "bash",
        file,
      ],
      { cwd: ROOT, encoding: "utf8" },
    );
    assert.equal(run.stderr, "");
    assert.equal(run.stdout, "exit=1\n");
  });

  it("escapes control characters of names in text output", () => {
    const run = runCli(["check", "-"], { stdin: pod("evil\u001b[2J\rname\u2028x", 0) });
    assert.equal(run.code, 1);
    assert.ok(
      ["\u001b", "\r", "\u2028"].every((c) => !run.stdout.includes(c)),
      JSON.stringify(run.stdout),
    );
    assert.ok(run.stdout.includes("evil\\x1b[2J\\rname\\u2028x"), run.stdout);
  });

  it("escapes control characters in its one-line errors", () => {
    const run = runCli(["check", join(dir, "no\u001b[31mfile\n.yaml")]);
    assert.equal(run.code, 2);
    assert.equal(run.stderr.split("\n").length, 2, run.stderr);
    assert.ok(!run.stderr.includes("\u001b"), run.stderr);
    assert.ok(run.stderr.startsWith("hardened: "), run.stderr);
    assert.ok(run.stderr.includes("no\\x1b[31mfile\\n.yaml"), run.stderr);
  });

  it("refuses a manifest file over 32 MiB before parsing it", () => {
    const file = join(dir, "huge.yaml");
    writeFileSync(file, `kind: ConfigMap\ndata: {x: "${"a".repeat(33 * 1024 * 1024)}"}\n`);
    const run = runCli(["check", file]);
    assert.equal(
      run.stderr,
      `hardened: ${file}: 34603038 bytes, over the 33554432-byte limit for one manifest file; split it\n`,
    );
    assert.equal(run.code, 2);
  });

  it("refuses a Dockerfile over 8 MiB before parsing it", () => {
    const file = join(dir, "Dockerfile");
    writeFileSync(file, `FROM scratch\n${"# x\n".repeat(3 * 1024 * 1024)}`);
    const run = runCli(["lint", file]);
    assert.equal(
      run.stderr,
      `hardened: ${file}: 12582925 bytes, over the 8388608-byte limit for one Dockerfile\n`,
    );
    assert.equal(run.code, 2);
  });

  it("does not echo the source text of a YAML parse error", () => {
    const run = runCli(["check", "-"], {
      stdin: 'apiVersion: v1\nkind: Secret\nstringData:\n  token: "s3cr3t-t0ken\n',
    });
    assert.equal(run.code, 2);
    assert.ok(!run.stderr.includes("s3cr3t"), run.stderr);
    assert.ok(run.stderr.startsWith("hardened: -: document 0"), run.stderr);
  });
});

describe("a chain of thousands of stages", () => {
  it("lints without running out of stack", () => {
    const lines = [`FROM debian:12@sha256:${"0".repeat(64)} AS s0`];
    for (let i = 1; i < 5_000; i++) {
      lines.push(`FROM s${i - 1} AS s${i}`, `RUN echo ${i}`);
    }
    const findings = lintDockerfile(`${lines.join("\n")}\nUSER 10001\n`, { file: "Dockerfile" });
    assert.ok(Array.isArray(findings));
  });
});

describe("escapeControl", () => {
  it("escapes C0, DEL, C1 and line separators and keeps the rest", () => {
    assert.equal(
      escapeControl("a\u0000b\tc\nd\re\u001bf\u007fg\u0085h\u2028i\u2029j é 日本"),
      "a\\x00b\\tc\\nd\\re\\x1bf\\x7fg\\x85h\\u2028i\\u2029j é 日本",
    );
  });
});
