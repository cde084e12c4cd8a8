import { strict as assert } from "assert";
import { spawnSync } from "child_process";
import { docker, requireDocker } from "../../dev/docker";
import {
  DEBIAN_IMAGE,
  PLAIN_REGISTRY,
  requireRegistries,
  uniqueRepository,
} from "../../dev/registry";
import { runCli } from "../support/run-cli";
import { buildPack } from "../../dev/build-pack";
import { removeAll, startContainer, waitHealthy } from "../docker/containers";
import { buildAndPushPrepared, PushedBuild } from "../docker/hardened-build";
import { readFileSync } from "fs";
import { join } from "path";
import { APP_DIR, ubuntuMinimalImageArgs } from "../../examples/ubuntu-minimal/image-args";
import { codeBlocks, readmeOf, section, tableRows } from "./support/readme";

const README = readmeOf("ubuntu-minimal");
const STAND_IN = `${PLAIN_REGISTRY}/${DEBIAN_IMAGE}`;
const repo = uniqueRepository("ubuntu-minimal");
const containers: string[] = [];
/** The setuid and setgid programs of the Debian stand-in the README lists, sorted. */
const README_SETUID_PROGRAMS = [
  ...(/and 11 setuid or setgid\nprograms \(([^)]+)\)/.exec(README)?.[1] ?? "").matchAll(
    /`([^`]+)`/g,
  ),
]
  .map((m) => m[1])
  .sort();
const images: string[] = [];

interface VerifyRun {
  readonly code: number | null;
  readonly findings: { ruleId: string; severity: string; path: string }[];
  readonly text: string;
}

/** `hardened verify <ref> [extra]`, as JSON and as text. */
function verify(ref: string, extra: readonly string[] = []): VerifyRun {
  const json = runCli(["verify", ref, ...extra, "--format", "json"]);
  const text = runCli(["verify", ref, ...extra]);
  assert.equal(json.code, text.code, text.stderr);
  assert.notEqual(json.code, 2, json.stderr);
  return {
    code: json.code,
    findings: (JSON.parse(json.stdout) as { findings: VerifyRun["findings"] }).findings,
    text: text.stdout.replace(ref, "<ref>").replace(/sha256:[a-f0-9]{64}/g, "sha256:…"),
  };
}

describe("examples/ubuntu-minimal, built and verified for real (classic builder)", function () {
  this.timeout(1_200_000);
  let hardened: PushedBuild;
  let unhardened: string;

  before(async function () {
    requireDocker(this);
    await requireRegistries(this);
    buildPack();
    const args = ubuntuMinimalImageArgs({
      imageName: `${PLAIN_REGISTRY}/${repo}/inventory:test`,
      baseImage: STAND_IN,
    });
    hardened = await buildAndPushPrepared(repo, "inventory", args, images);
    unhardened = (
      await buildAndPushPrepared(
        repo,
        "inventory-unhardened",
        { ...args, harden: undefined },
        images,
      )
    ).ref;
  });

  after(() => removeAll(containers, images));

  it("the README shows the committed Dockerfile and the arguments image-args.ts gives", () => {
    const [dockerfile, program] = codeBlocks(README);
    const committed = readFileSync(join(APP_DIR, "Dockerfile"), "utf8");
    assert.equal(committed.replace(/^(#.*\n)+/, ""), dockerfile);
    const args = ubuntuMinimalImageArgs({ imageName: "registry.example.com/acme/inventory:1.0" });
    assert.equal(args.context, APP_DIR);
    assert.equal(args.dockerfile, join(APP_DIR, "Dockerfile"));
    assert.deepEqual(args.harden, {
      removePackageManager: true,
      removeShells: true,
      stripSetuid: true,
    });
    assert.deepEqual(args.verify, { runtime: true });
    assert.match(
      program,
      /harden: \{ removePackageManager: true, removeShells: true, stripSetuid: true \}/,
    );
    assert.match(program, /verify: \{ runtime: true \}/);
  });

  it("hardened preview of the standin stack passes the policy pack, as the README shows", () => {
    const run = runCli(["preview", "examples/ubuntu-minimal", "--stack", "standin"]);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    const shown = codeBlocks(section(README, "Run it"))[2];
    const tmp = /[^ ]*\/pulumi-hardened-examples\/ubuntu-minimal-[0-9a-f]{16}/g;
    assert.equal(run.stdout.replace(tmp, "<tmp>"), shown);
  });

  it("pins the base, appends the harden stages, and has only the accepted lint finding", () => {
    const { prepared } = hardened;
    assert.equal(prepared.target, "hardened");
    assert.deepEqual(prepared.user, { uid: 10001, gid: 10001 });
    assert.deepEqual(
      prepared.findings.map((f) => [f.ruleId, f.severity, f.exempted]),
      [["dockerfile-copy-system-dirs", "error", true]],
    );
    assert.match(
      prepared.dockerfile,
      new RegExp(`^FROM ${STAND_IN}@sha256:[a-f0-9]{64} AS hardened-source$`, "m"),
    );
    assert.match(prepared.dockerfile, /^FROM hardened-source AS hardened-strip$/m);
    const final = prepared.dockerfile.split(/^FROM scratch AS hardened$/m)[1] ?? "";
    assert.match(final, /^COPY --from=hardened-strip \/ \/$/m);
    for (const keyword of ["ENV", "WORKDIR", "USER", "EXPOSE", "HEALTHCHECK", "ENTRYPOINT"]) {
      assert.match(final, new RegExp(`^${keyword} `, "m"), `the hardened stage has no ${keyword}`);
    }
  });

  it("hardened verify: the README's before and after findings", () => {
    const before = verify(unhardened);
    const after = verify(hardened.ref);
    const rows = tableRows(section(README, "Before and after"));
    const expectedBefore = rows.filter((r) => r[1] === "found").map((r) => r[0]);
    const ruleIds = (run: VerifyRun) => [...new Set(run.findings.map((f) => f.ruleId))].sort();
    assert.deepEqual(ruleIds(before), [...expectedBefore].sort(), before.text);
    assert.equal(before.code, 1);
    assert.equal(before.findings.length, 17, before.text);
    assert.match(README, /"before" means 17 errors/);
    const setuid = before.findings
      .filter((f) => f.ruleId === "image-setuid-files")
      .map((f) => /\/([^/]+)$/.exec(f.path)?.[1])
      .sort();
    assert.deepEqual(setuid, README_SETUID_PROGRAMS);
    assert.equal(after.code, 0, after.text);
    assert.deepEqual(ruleIds(after), ["image-base-labels"]);
    assert.ok(rows.every((r) => r[2] === "none"));
    assert.equal(after.text, codeBlocks(section(README, "Verify it"))[1]);
  });

  it("hardened verify --runtime: non-root, read-only rootfs, no shell, healthy", () => {
    const run = verify(hardened.ref, ["--runtime"]);
    assert.equal(run.code, 0, run.text);
    assert.equal(run.text, codeBlocks(section(README, "Verify it"))[3]);
  });

  it("runs as 10001:10001 with a read-only root file system and serves from SQLite", async () => {
    const container = startContainer(hardened.ref, ["--read-only", "--tmpfs", "/tmp"]);
    containers.push(container);
    await waitHealthy(container, 60_000);
    const fetch = spawnSync(
      "docker",
      [
        "exec",
        container,
        "/usr/bin/python3",
        "-c",
        "import urllib.request; print(urllib.request.urlopen('http://127.0.0.1:8080/').read().decode())",
      ],
      { encoding: "utf8" },
    );
    assert.equal(fetch.status, 0, fetch.stderr);
    const body = JSON.parse(fetch.stdout) as { sqlite: string; items: Record<string, number> };
    assert.deepEqual(body.items, { bolts: 120, nuts: 340 });
    assert.match(body.sqlite, /^3\.\d+\.\d+$/);
    const id = docker([
      "exec",
      container,
      "/usr/bin/python3",
      "-c",
      "import os; print(os.getuid(), os.getgid())",
    ]);
    assert.equal(id.trim(), "10001 10001");
    for (const program of ["/bin/sh", "/usr/bin/bash", "/usr/bin/apt-get", "/usr/bin/dpkg"]) {
      const run = spawnSync("docker", ["exec", container, program, "--version"], {
        encoding: "utf8",
      });
      assert.notEqual(run.status, 0, `${program} runs in the hardened image`);
    }
  });
});
