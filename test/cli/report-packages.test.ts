import { strict as assert } from "assert";
import { mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { docker, requireDocker } from "../../dev/docker";
import { cycloneDx15Errors } from "../support/cyclonedx";
import { requireRegistries } from "../../dev/registry";
import { runCli } from "../support/run-cli";
import { DEBIAN, prepareTestImages, TestImages } from "../image/test-images";

interface PackageJson {
  readonly packages: {
    readonly after: Record<string, number>;
    readonly before?: Record<string, number>;
    readonly removed?: { ecosystem: string; name: string; version: string }[];
  };
}

describe("hardened report: package inventory, --sbom and --archive on real images", function () {
  this.timeout(300_000);
  let images: TestImages | undefined;
  let hardened: string;
  let dir: string;
  let debianPackages: string[];

  before(async function () {
    requireDocker(this);
    await requireRegistries(this);
    images = prepareTestImages();
    hardened = images.build("app", {});
    dir = mkdtempSync(join(tmpdir(), "report-packages-"));
    debianPackages = docker([
      "run",
      "--rm",
      "--entrypoint",
      "dpkg-query",
      DEBIAN,
      "-W",
      "-f",
      "${Package} ${Version}\\n",
    ])
      .trim()
      .split("\n")
      .sort();
  });
  after(() => {
    images?.cleanup();
    if (dir !== undefined) {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("counts the packages dpkg-query lists, before and after, and lists every one removed", () => {
    const run = runCli(["report", hardened, "--before", DEBIAN, "--format", "json"]);
    assert.equal(run.code, 0, run.stderr);
    const { packages } = JSON.parse(run.stdout) as PackageJson;
    assert.ok(debianPackages.length > 50, `${debianPackages.length} packages in ${DEBIAN}`);
    assert.deepEqual(packages.before, {
      deb: debianPackages.length,
      apk: 0,
      rpm: 0,
      pypi: 0,
      npm: 0,
      golang: 0,
    });
    assert.deepEqual(packages.after, { deb: 0, apk: 0, rpm: 0, pypi: 0, npm: 0, golang: 0 });
    assert.deepEqual(
      (packages.removed ?? []).map((p) => `${p.name} ${p.version}`).sort(),
      debianPackages,
    );
    const text = runCli(["report", hardened, "--before", DEBIAN]);
    assert.equal(text.code, 0, text.stderr);
    const n = debianPackages.length;
    assert.ok(
      text.stdout.includes(
        [
          "PACKAGE INVENTORY:",
          `  Before hardening: ${n} packages (deb ${n})`,
          "  After hardening:  0 packages",
          `  Removed: ${n} packages`,
          "    deb: ",
        ].join("\n"),
      ),
      text.stdout,
    );
  });

  it("writes a CycloneDX 1.5 SBOM that validates and lists each installed package", () => {
    const sbom = join(dir, "debian.cdx.json");
    const run = runCli(["report", DEBIAN, "--sbom", sbom]);
    assert.equal(run.code, 0, run.stderr);
    const docs = readFileSync(join(__dirname, "..", "..", "docs", "image-verification.md"), "utf8");
    const shown = /\n {2}```\n( {2}PACKAGE INVENTORY:\n[\s\S]*?)\n {2}```\n/.exec(docs)?.[1];
    assert.ok(shown !== undefined, "docs/image-verification.md shows the section");
    assert.ok(
      run.stdout.includes(`${shown.replace(/^ {2}/gm, "")}\n`),
      `${run.stdout}\ndoes not show\n${shown}`,
    );
    assert.match(
      shown,
      new RegExp(`Installed: ${debianPackages.length} packages \\(deb ${debianPackages.length}\\)`),
    );
    const bom = JSON.parse(readFileSync(sbom, "utf8")) as {
      components: { name: string; version: string; purl: string }[];
    };
    assert.equal(cycloneDx15Errors(bom), null);
    assert.deepEqual(bom.components.map((c) => `${c.name} ${c.version}`).sort(), debianPackages);
    assert.ok(
      bom.components.every((c) => c.purl.startsWith("pkg:deb/debian/")),
      bom.components.map((c) => c.purl).join("\n"),
    );
  });

  it("reads the image from a docker save archive with --archive", () => {
    const archive = join(dir, "debian.tar");
    docker(["save", "-o", archive, DEBIAN]);
    const run = runCli(["report", "--archive", archive, "--format", "json"]);
    assert.equal(run.code, 0, run.stderr);
    const report = JSON.parse(run.stdout) as PackageJson & { image: { reference: string } };
    assert.equal(report.image.reference, archive);
    assert.deepEqual(report.packages.after, {
      deb: debianPackages.length,
      apk: 0,
      rpm: 0,
      pypi: 0,
      npm: 0,
      golang: 0,
    });
  });

  it("hardened verify --sbom writes the same SBOM while it verifies, failing or not", () => {
    const archive = join(dir, "debian.tar");
    const sbom = join(dir, "verify.cdx.json");
    const run = runCli(["verify", "--archive", archive, "--sbom", sbom]);
    assert.equal(run.code, 1, "the Debian image fails the image rules");
    const bom = JSON.parse(readFileSync(sbom, "utf8")) as {
      components: { name: string; version: string }[];
      metadata: { component: { name: string } };
    };
    assert.equal(cycloneDx15Errors(bom), null);
    assert.equal(bom.metadata.component.name, archive);
    assert.deepEqual(bom.components.map((c) => `${c.name} ${c.version}`).sort(), debianPackages);
  });

  it("refuses an image reference together with --archive", () => {
    const run = runCli(["report", DEBIAN, "--archive", join(dir, "x.tar")]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /give an image reference or --archive, not both/);
  });
});
