import { strict as assert } from "assert";
import { spawnSync } from "child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { runCli } from "../support/run-cli";
import { digestOf, tarOf } from "../image/tar-fixtures";

const ROOT = join(__dirname, "..", "..");
const PRESET = join(__dirname, "..", "fixtures", "dockerfiles", "go.Dockerfile");
const UNPINNED = "FROM alpine\n";
const POD = [
  "apiVersion: v1",
  "kind: Pod",
  "metadata: {name: web, namespace: shop}",
  "spec:",
  "  containers:",
  "  - name: app",
  "    image: nginx",
  "",
].join("\n");

/** `hardened <args>` under script(1), so its standard output is a terminal. */
function runOnTty(args: readonly string[], env: Readonly<Record<string, string>> = {}): string {
  const command = [
    process.execPath,
    "-r",
    require.resolve("ts-node/register/transpile-only"),
    join(ROOT, "cli", "hardened.ts"),
    ...args,
  ]
    .map((a) => `'${a}'`)
    .join(" ");
  const result = spawnSync("script", ["-qec", command, "/dev/null"], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, TS_NODE_PROJECT: join(ROOT, "tsconfig.json"), NO_COLOR: "", ...env },
  });
  return result.stdout;
}

describe("hardened output flags", function () {
  this.timeout(120_000);
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "hardened-flags-"));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it("--stdin-filename names stdin findings (lint, github format); --fail-on none exits 0", () => {
    const run = runCli(
      [
        "lint",
        "--format",
        "github",
        "--fail-on",
        "none",
        "--stdin-filename",
        "web/Dockerfile",
        "-",
      ],
      { stdin: UNPINNED },
    );
    assert.equal(run.code, 0, run.stderr);
    assert.match(
      run.stdout,
      /^::error file=web\/Dockerfile,line=1,title=dockerfile-base-digest::stage 0: stage\[0\]\.FROM: /m,
    );
    assert.match(run.stdout, /^::warning file=web\/Dockerfile,line=1,title=dockerfile-base-tag::/m);
  });

  it("--stdin-filename names stdin findings (check, json)", () => {
    const run = runCli(["check", "--format", "json", "--stdin-filename", "chart.yaml", "-"], {
      stdin: POD,
    });
    assert.equal(run.code, 1, run.stderr);
    const files = new Set(
      (JSON.parse(run.stdout) as { findings: { file: string }[] }).findings.map((f) => f.file),
    );
    assert.deepEqual([...files], ["chart.yaml"]);
  });

  it("a --fail-on value that is not a severity or none is a usage error (exit 2)", () => {
    const file = join(dir, "Dockerfile");
    writeFileSync(file, UNPINNED);
    const bad = runCli(["lint", "--fail-on", "critical", file]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /option '--fail-on <severity>' argument 'critical' is invalid/);
  });

  it("--quiet prints nothing on success and only the findings otherwise", () => {
    const ok = runCli(["lint", "--quiet", PRESET]);
    assert.deepEqual([ok.code, ok.stdout], [0, ""]);
    const file = join(dir, "Dockerfile");
    writeFileSync(file, UNPINNED);
    const failed = runCli(["lint", "--quiet", file]);
    assert.equal(failed.code, 1);
    assert.match(
      failed.stdout,
      /^ {2}error {3}dockerfile-base-digest {2}line 1: stage\[0\]\.FROM$/m,
    );
    assert.doesNotMatch(failed.stdout, /errors?, \d+ warnings?/);
  });

  it("colours text on a terminal, not with NO_COLOR or --no-color, nor into a pipe", () => {
    const path = join(dir, "pod.yaml");
    writeFileSync(path, POD);
    const ESC = "\x1b[";
    assert.ok(
      runOnTty(["check", path]).includes(`  ${ESC}31merror${ESC}0m   allow-privilege-escalation`),
    );
    assert.ok(!runOnTty(["check", path], { NO_COLOR: "1" }).includes(ESC));
    assert.ok(!runOnTty(["check", "--no-color", path]).includes(ESC));
    assert.ok(!runCli(["check", path]).stdout.includes(ESC));
  });

  it("verify: junit and github formats for an image archive; --fail-on none exits 0", async () => {
    const layer = await tarOf([{ name: "app/server", mode: 0o755, content: "bin" }]);
    const config = JSON.stringify({
      os: "linux",
      architecture: "amd64",
      config: { User: "" },
      rootfs: { type: "layers", diff_ids: [digestOf(layer)] },
    });
    const manifest = JSON.stringify([
      { Config: "config.json", RepoTags: ["app:1"], Layers: ["layer.tar"] },
    ]);
    const archive = join(dir, "image.tar");
    writeFileSync(
      archive,
      await tarOf([
        { name: "manifest.json", content: manifest },
        { name: "config.json", content: config },
        { name: "layer.tar", content: layer },
      ]),
    );
    const verify = ["verify", "--archive", archive, "--no-resolve-base"];
    const junit = runCli([...verify, "--format", "junit", "--fail-on", "none"]);
    assert.equal(junit.code, 0, junit.stderr);
    assert.ok(
      junit.stdout.includes(
        `<testsuite name="${archive}" tests="1" failures="0" errors="0" skipped="0">\n    <testcase name="image" classname="${archive}">\n      <system-out>error image-user-non-root config.User: `,
      ),
      junit.stdout,
    );
    const github = runCli([...verify, "--format", "github"]);
    assert.equal(github.code, 1, github.stderr);
    assert.equal(
      github.stdout.split("\n")[0],
      `::error file=${archive},title=image-user-non-root::config.User: the image sets no USER, so it runs as root (uid 0); expected a non-zero numeric UID`,
    );
  });

  it("finds the nearest .hardened.yaml up from the working directory; --config wins; --no-config ignores it", () => {
    mkdirSync(join(dir, "app", "src"), { recursive: true });
    writeFileSync(join(dir, ".hardened.yaml"), "profile: restricted\n");
    writeFileSync(join(dir, "app", ".hardened.yaml"), "profile: baseline\n");
    writeFileSync(join(dir, "other.yaml"), "profile: restricted\n");
    const summary = (stdout: string) => stdout.trim().split("\n").pop();
    const cwd = join(dir, "app", "src");
    assert.equal(
      summary(runCli(["lint", PRESET], { cwd }).stdout),
      "0 errors, 0 warnings, 0 notes in 1 resource checked (profile baseline)",
    );
    assert.equal(
      summary(runCli(["lint", "--config", join(dir, "other.yaml"), PRESET], { cwd }).stdout),
      "0 errors, 0 warnings, 0 notes in 1 resource checked (profile restricted)",
    );
    assert.equal(
      summary(runCli(["lint", "--no-config", PRESET], { cwd }).stdout),
      "0 errors, 0 warnings, 0 notes in 1 resource checked (profile hardened)",
    );
  });
});
