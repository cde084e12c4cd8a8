import { strict as assert } from "assert";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { extract } from "tar-stream";
import { readImage } from "../../image/source";
import { imageFilesystem } from "../../rules/image/filesystem";
import { docker, requireDocker, runDocker } from "../../dev/docker";
import { PLAIN_REGISTRY, requireRegistries } from "../../dev/registry";
import { runCli } from "../support/run-cli";
import { tarOf } from "./tar-fixtures";

/** Files Docker adds to every container, which `docker export` shows and no layer holds. */
const DOCKER_OWN = new Set([
  "/.dockerenv",
  "/dev/console",
  "/etc/hostname",
  "/etc/hosts",
  "/etc/resolv.conf",
]);

async function exportedFiles(tar: Buffer): Promise<string[]> {
  const files: string[] = [];
  const ex = extract();
  ex.end(tar);
  for await (const entry of ex) {
    if (entry.header.type === "file") {
      files.push(`/${entry.header.name.replace(/^\.?\//, "")}`);
    }
    entry.resume();
  }
  return files.filter((f) => !DOCKER_OWN.has(f)).sort();
}

describe("images with non-normalised layer paths (Docker engine and local registry)", function () {
  this.timeout(300_000);
  const ref = `${PLAIN_REGISTRY}/hardened-test/crafted-paths:latest`;
  let work = "";

  before(async function () {
    requireDocker(this);
    await requireRegistries(this);
    work = mkdtempSync(join(tmpdir(), "hardened-crafted-"));
    const layer = await tarOf([
      { name: "bin/", type: "directory", mode: 0o755 },
      { name: "bin/./sh", mode: 0o755, content: "#!shell\n" },
      { name: "usr/", type: "directory", mode: 0o755 },
      { name: "usr/bin/", type: "directory", mode: 0o755 },
      { name: "usr//bin/./apt-get", mode: 0o755, content: "apt\n" },
      { name: "etc/", type: "directory", mode: 0o755 },
      { name: "etc/./passwd", content: "app:x:0:0::/home/app:/bin/sh\n" },
      { name: "opt/../app", mode: 0o755, content: "app\n" },
    ]);
    writeFileSync(join(work, "layer.tar"), layer);
    docker(["import", "--change", "USER app", join(work, "layer.tar"), ref]);
    docker(["push", "-q", ref]);
  });

  after(() => {
    if (work !== "") {
      rmSync(work, { recursive: true, force: true });
      runDocker(["rmi", "-f", ref]);
    }
  });

  it("sees the same files as docker export of the same image", async () => {
    const container = docker(["create", ref, "/app"]).trim();
    try {
      docker(["export", "-o", join(work, "export.tar"), container]);
    } finally {
      docker(["rm", container]);
    }
    const exported = await exportedFiles(readFileSync(join(work, "export.tar")));
    const model = await readImage(
      { kind: "registry", reference: ref },
      { platform: { os: "linux", architecture: "amd64" }, resolveBase: false },
    );
    const ours = [...imageFilesystem(model).final.values()]
      .filter((f) => f.entry.type === "file")
      .map((f) => f.entry.path)
      .sort();
    assert.deepEqual(ours, exported);
    assert.deepEqual(ours, ["/app", "/bin/sh", "/etc/passwd", "/usr/bin/apt-get"]);
  });

  it("hardened verify finds the shell at bin/./sh and the package manager at usr//bin/./apt-get", () => {
    const run = runCli(["verify", ref, "--format", "json"]);
    assert.equal(run.code, 1, run.stderr);
    const findings = (JSON.parse(run.stdout) as { findings: { ruleId: string; path: string }[] })
      .findings;
    const seen = findings.map((f) => `${f.ruleId} ${f.path}`);
    for (const expected of [
      "image-no-shell layers[0]:/bin/sh",
      "image-no-package-manager layers[0]:/usr/bin/apt-get",
    ]) {
      assert.ok(seen.includes(expected), `${expected} missing from:\n${seen.join("\n")}`);
    }
  });

  it("hardened report does not print [PASS] No shell access", () => {
    const run = runCli(["report", ref]);
    assert.ok(run.stdout.includes("Shell present (/bin/sh)"), run.stdout);
    assert.ok(!run.stdout.includes("No shell access"), run.stdout);
  });
});
