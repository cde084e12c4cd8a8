import { strict as assert } from "assert";
import { spawnSync } from "child_process";
import { docker, requireDocker } from "../../dev/docker";
import { requireRegistries } from "../../dev/registry";
import { runCli } from "../support/run-cli";
import { DEBIAN, prepareTestImages, TestImages } from "../image/test-images";
import { formatMegabytes } from "../../image/report/render-report";

interface JsonReport {
  readonly image: { reference: string; sizeBytes: number; layers: number; base: string };
  readonly before: { reference: string; sizeBytes: number; layers: number; base: string };
  readonly checks: { status: string; text: string }[];
  readonly vulnerabilities: { scanner: string | null; note?: string };
}

const trivyOnPath = spawnSync("trivy", ["--version"]).status === 0;

describe("hardened report on a real before/after pair", function () {
  this.timeout(300_000);
  let images: TestImages | undefined;
  let hardened: string;

  before(async function () {
    requireDocker(this);
    await requireRegistries(this);
    images = prepareTestImages();
    hardened = images.build("app", {});
  });
  after(() => images?.cleanup());

  it("measures both images and prints the report form", () => {
    const json = runCli(["report", hardened, "--before", DEBIAN, "--format", "json"]);
    assert.equal(json.code, 0, json.stderr);
    const data = JSON.parse(json.stdout) as JsonReport;
    const dockerSize = (ref: string) =>
      Number(docker(["image", "inspect", "--format", "{{.Size}}", ref]).trim());
    for (const [summary, ref] of [
      [data.image, hardened],
      [data.before, DEBIAN],
    ] as const) {
      const measured = dockerSize(ref);
      assert.ok(
        Math.abs(summary.sizeBytes - measured) / measured < 0.05,
        `${ref}: ${summary.sizeBytes} vs docker's ${measured}`,
      );
    }
    const text = runCli(["report", hardened, "--before", DEBIAN]);
    assert.equal(text.code, 0, text.stderr);
    const reduction = (
      ((data.before.sizeBytes - data.image.sizeBytes) / data.before.sizeBytes) *
      100
    ).toFixed(1);
    const today = new Date().toISOString().slice(0, 10);
    const lines = text.stdout.split("\n");
    assert.deepEqual(lines.slice(0, 13), [
      "Container Image Hardening Report",
      "==================================",
      `Image: ${hardened}`,
      `Base: ${images?.baseTag}`,
      `Date: ${today}`,
      "",
      "SIZE COMPARISON:",
      `  Before hardening: ${formatMegabytes(data.before.sizeBytes)} (${DEBIAN}, 1 layer)`,
      `  After hardening:  ${formatMegabytes(data.image.sizeBytes)} (${hardened}, 3 layers)`,
      `  Reduction: ${reduction}%`,
      "  (sizes are sums of uncompressed layer sizes)",
      "",
      "SECURITY CHECKS:",
    ]);
    assert.ok(
      lines.includes("  [PASS] Non-root user configured (10001:10001, no /etc/passwd entry)"),
    );
    assert.ok(lines.includes("  [PASS] No shell access (/bin/sh and other shells absent)"));
    assert.ok(
      lines.some((l) =>
        /^ {2}\[PASS\] Base image pinned by digest \(sha256:[0-9a-f]{12}…\)$/.test(l),
      ),
    );
    assert.deepEqual(
      data.checks.filter((c) => c.status !== "PASS"),
      [],
    );
    if (!trivyOnPath) {
      assert.ok(
        text.stdout.endsWith(
          "VULNERABILITY COMPARISON:\n  No vulnerability scan was run: trivy is not on PATH.\n",
        ),
      );
    }
  });

  it("reports what an unhardened image fails", () => {
    const run = runCli(["report", DEBIAN]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /\nBase: unknown\n/);
    assert.match(run.stdout, /\n {2}\[FAIL\] Runs as root \(no USER, or USER 0\/root\)\n/);
    assert.match(run.stdout, /\n {2}\[WARN\] No HEALTHCHECK instruction\n/);
    assert.match(run.stdout, /\n {2}\[FAIL\] \d+ setuid\/setgid files found \(\/usr\/bin\/chage, /);
    assert.match(run.stdout, /\n {2}\[FAIL\] Package manager present \(\/usr\/bin\/apt, /);
    assert.match(run.stdout, /\n {2}\[FAIL\] Shell present \(/);
    assert.match(
      run.stdout,
      /\n {2}Size: \d+ MB \(127\.0\.0\.1:5000\/debian:bookworm-slim, 1 layer\)\n/,
    );
  });

  it("writes markdown", () => {
    const run = runCli(["report", hardened, "--format", "markdown"]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^# Container Image Hardening Report\n\n- \*\*Image:\*\* `.*app:1`\n/);
    assert.match(run.stdout, /\n## Security checks\n\n- \[PASS\] Non-root user configured/);
  });
});

describe("hardened report usage errors", () => {
  it("exits 2 with the registry's answer for an unreachable registry", () => {
    const run = runCli(["report", "127.0.0.1:1/app:1"]);
    assert.equal(run.code, 2);
    assert.match(
      run.stderr,
      /^hardened: cannot reach registry 127\.0\.0\.1:1 for 127\.0\.0\.1:1\/app:1/,
    );
  });
});
