import { strict as assert } from "assert";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { docker, requireDocker } from "../../dev/docker";
import { PLAIN_REGISTRY, requireRegistries } from "../../dev/registry";
import { cycloneDx15Errors } from "../support/cyclonedx";
import { buildRpmDatabase, requireRpm, rpmQueryAll, TestRpm } from "../support/rpm-database";
import { runCli } from "../support/run-cli";

const PACKAGES: readonly TestRpm[] = [
  { name: "glibc-minimal", version: "2.39", release: "17.fc40" },
  { name: "curl-minimal", version: "8.6.0", release: "9.fc40", epoch: 1 },
  { name: "big-description", version: "1.0", release: "1.fc40", descriptionBytes: 20_000 },
  ...Array.from({ length: 20 }, (_, i) => ({
    name: `lib${i}`,
    version: "1.0",
    release: `${i}.fc40`,
  })),
];

interface ReportJson {
  packages: {
    after: Record<string, number>;
    before?: Record<string, number>;
    removed?: { ecosystem: string; name: string; version: string }[];
    unread?: { path: string; reason: string }[];
  };
}

describe("hardened report: rpm packages read from a real image's layers", function () {
  this.timeout(300_000);
  let dir: string;
  let listed: string[];
  const tags: string[] = [];

  /** Builds `files` (context path -> image path) into a FROM scratch image, saved as an archive. */
  function image(name: string, files: Record<string, string>): { tag: string; archive: string } {
    const context = join(dir, name);
    mkdirSync(context);
    const lines = ["FROM scratch"];
    for (const [source, target] of Object.entries(files)) {
      copyFileSync(join(dir, source), join(context, source));
      lines.push(`COPY ${source} ${target}`);
    }
    writeFileSync(join(context, "Dockerfile"), `${lines.join("\n")}\n`);
    const tag = `${PLAIN_REGISTRY}/hardened-test/rpm-${name}:latest`;
    tags.push(tag);
    docker(["build", "-q", "-t", tag, context]);
    const archive = join(dir, `${name}.tar`);
    docker(["save", "-o", archive, tag]);
    return { tag, archive };
  }

  function report(args: string[]): ReportJson {
    const run = runCli(["report", ...args, "--format", "json"]);
    assert.equal(run.code, 0, run.stderr);
    return JSON.parse(run.stdout) as ReportJson;
  }

  before(async function () {
    requireRpm(this);
    requireDocker(this);
    dir = mkdtempSync(join(tmpdir(), "report-rpm-"));
    const db = buildRpmDatabase(join(dir, "rpm"), PACKAGES);
    copyFileSync(db, join(dir, "rpmdb.sqlite"));
    listed = rpmQueryAll(db);
    writeFileSync(join(dir, "os-release"), 'NAME="Fedora Linux"\nID=fedora\nVERSION_ID=40\n');
    writeFileSync(join(dir, "Packages"), Buffer.alloc(8192, 0x61));
    await requireRegistries(this);
  });
  after(() => {
    for (const tag of tags) {
      docker(["rmi", "-f", tag]);
    }
    if (dir !== undefined) {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("counts what rpm -qa lists in the database, in text, JSON and a valid SBOM", () => {
    const fedora = image("fedora", {
      "os-release": "/etc/os-release",
      "rpmdb.sqlite": "/usr/lib/sysimage/rpm/rpmdb.sqlite",
    });
    assert.equal(listed.length, PACKAGES.length);
    const sbomFile = join(dir, "fedora.cdx.json");
    const json = report(["--archive", fedora.archive, "--sbom", sbomFile]);
    assert.deepEqual(json.packages.after, {
      deb: 0,
      apk: 0,
      rpm: PACKAGES.length,
      pypi: 0,
      npm: 0,
      golang: 0,
    });
    assert.equal(json.packages.unread, undefined);
    const text = runCli(["report", "--archive", fedora.archive]);
    assert.ok(
      text.stdout.includes(
        `PACKAGE INVENTORY:\n  Installed: ${PACKAGES.length} packages (rpm ${PACKAGES.length})\n`,
      ),
      text.stdout,
    );
    const sbom = JSON.parse(readFileSync(sbomFile, "utf8")) as {
      components: { name: string; version: string; purl: string }[];
    };
    assert.equal(cycloneDx15Errors(sbom), null);
    assert.deepEqual(
      sbom.components.find((c) => c.name === "curl-minimal"),
      {
        ...sbom.components.find((c) => c.name === "curl-minimal"),
        version: "1:8.6.0-9.fc40",
        purl: "pkg:rpm/fedora/curl-minimal@8.6.0-9.fc40?arch=noarch&epoch=1",
      },
    );
  });

  it("lists the rpm packages hardening removed, compared with --before", () => {
    const before = image("before", {
      "os-release": "/etc/os-release",
      "rpmdb.sqlite": "/var/lib/rpm/rpmdb.sqlite",
    });
    docker(["push", before.tag]);
    const after = image("after", { "os-release": "/etc/os-release" });
    const json = report(["--archive", after.archive, "--before", before.tag]);
    assert.equal(json.packages.before?.rpm, PACKAGES.length);
    assert.equal(json.packages.after.rpm, 0);
    assert.deepEqual(
      (json.packages.removed ?? [])
        .map((p) => `${p.ecosystem} ${p.name} ${p.version} noarch`)
        .sort(),
      listed.map((line) => `rpm ${line}`),
    );
  });

  it("says a BerkeleyDB rpm database is not read, instead of counting it as none", () => {
    const centos = image("centos", { Packages: "/var/lib/rpm/Packages" });
    const json = report(["--archive", centos.archive]);
    assert.deepEqual(json.packages.unread, [
      {
        path: "/var/lib/rpm/Packages",
        reason: "an rpm BerkeleyDB database; only rpm's sqlite database (rpmdb.sqlite) is read",
      },
    ]);
    const text = runCli(["report", "--archive", centos.archive]).stdout;
    assert.ok(
      text.includes(
        "  Not read: /var/lib/rpm/Packages (an rpm BerkeleyDB database; only rpm's sqlite database (rpmdb.sqlite) is read)\n",
      ),
      text,
    );
  });
});
