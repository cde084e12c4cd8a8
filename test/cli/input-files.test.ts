import { strict as assert } from "assert";
import { execFileSync } from "child_process";
import { chmodSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { scanInputs } from "../../cli/input-files";
import { runCli } from "../support/run-cli";

const EXTENSIONS = [".yaml", ".yml", ".json"];
const CONFIG_MAP = "apiVersion: v1\nkind: ConfigMap\nmetadata: { name: c }\n";

function tree(): string {
  const root = mkdtempSync(join(tmpdir(), "hardened-walk-"));
  for (const dir of [
    "app",
    "app/.cache",
    "node_modules/x",
    "real",
    "chart/templates",
    "kust/sub",
  ]) {
    mkdirSync(join(root, dir), { recursive: true });
  }
  writeFileSync(join(root, "app/a.yaml"), CONFIG_MAP);
  writeFileSync(join(root, "app/.cache/b.yaml"), CONFIG_MAP);
  writeFileSync(join(root, "app/.hidden.yml"), CONFIG_MAP);
  writeFileSync(join(root, "node_modules/x/c.yaml"), CONFIG_MAP);
  writeFileSync(join(root, "real/d.json"), JSON.stringify({ apiVersion: "v1", kind: "Pod" }));
  writeFileSync(join(root, "chart/Chart.yaml"), "apiVersion: v2\nname: c\nversion: 1.0.0\n");
  writeFileSync(join(root, "chart/templates/x.yaml"), "kind: {{ .Values.kind }}\n");
  writeFileSync(join(root, "kust/kustomization.yaml"), "resources: [r.yaml, sub/s.yaml]\n");
  writeFileSync(join(root, "kust/sub/s.yaml"), CONFIG_MAP);
  writeFileSync(join(root, "kust/sub/other.yaml"), CONFIG_MAP);
  writeFileSync(join(root, "kust/r.yaml"), CONFIG_MAP);
  writeFileSync(join(root, "kust/notes.md"), "# notes\n");
  symlinkSync(join(root, "real"), join(root, "app/link-to-real"));
  symlinkSync(root, join(root, "real/loop"));
  symlinkSync(join(root, "missing.yaml"), join(root, "app/dangling.yaml"));
  execFileSync("mkfifo", [join(root, "app/pipe.yaml")]);
  symlinkSync("/dev/null", join(root, "app/null.yaml"));
  return root;
}

describe("scanInputs (directory walking)", () => {
  it("reads YAML files, follows directory links once, hands chart and kustomization files (also those a kustomization names in a subdirectory) to their renderer, and lists everything else with the reason", () => {
    const root = tree();
    const scan = scanInputs([root], EXTENSIONS, () => "");
    const rel = (p: string) => p.slice(root.length + 1);
    assert.deepEqual(
      scan.files.map((f) => [rel(f.file), f.explicit]),
      [
        ["app/.hidden.yml", false],
        ["app/a.yaml", false],
        ["app/link-to-real/d.json", false],
        ["chart/Chart.yaml", false],
        ["kust/sub/other.yaml", false],
      ],
    );
    assert.deepEqual(
      scan.sources.map((s) => [s.renderer, rel(s.dir), s.files.map(rel)]),
      [
        ["helm", "chart", ["chart/templates/x.yaml"]],
        ["kustomize", "kust", ["kust/kustomization.yaml", "kust/r.yaml", "kust/sub/s.yaml"]],
      ],
    );
    assert.deepEqual(
      scan.skipped.map((s) => [rel(s.file), s.document, s.reason, s.detail]),
      [
        [
          "app/.cache",
          null,
          "hidden-directory",
          "hidden directories are not walked; name it to check it",
        ],
        [
          "app/dangling.yaml",
          null,
          "broken-symlink",
          "the link's target cannot be reached: ENOENT",
        ],
        ["app/link-to-real/loop", null, "already-scanned", `the same directory as ${root}`],
        ["app/null.yaml", null, "special-file", "a character device is not read while walking"],
        ["app/pipe.yaml", null, "special-file", "a FIFO is not read while walking"],
        ["kust/notes.md", null, "not-yaml", "not a .yaml, .yml, .json file"],
        ["node_modules", null, "dependency-directory", "node_modules holds installed dependencies"],
        ["real", null, "already-scanned", `the same directory as ${root}/app/link-to-real`],
      ],
    );
  });
});

describe("scanInputs (named paths)", () => {
  it("reads named files and standard input as explicit inputs, and walks a named hidden directory", () => {
    const root = tree();
    const scan = scanInputs(
      [join(root, "app/a.yaml"), "-", join(root, "app/.cache")],
      EXTENSIONS,
      () => "x",
    );
    assert.deepEqual(
      scan.files.map((f) => [f.file, f.explicit]),
      [
        [join(root, "app/a.yaml"), true],
        ["-", true],
        [join(root, "app/.cache/b.yaml"), false],
      ],
    );
    assert.deepEqual(scan.skipped, []);
  });

  it("rejects a named path that does not exist", () => {
    assert.throws(
      () => scanInputs(["/does/not/exist.yaml"], EXTENSIONS, () => ""),
      /cannot read \/does\/not\/exist\.yaml: ENOENT/,
    );
  });
});

describe("hardened check over unreadable files and directories", () => {
  it("lists them as skipped, and counts them", function () {
    this.timeout(60000);
    const root = mkdtempSync(join(tmpdir(), "hardened-perm-"));
    mkdirSync(join(root, "locked"));
    writeFileSync(join(root, "locked/x.yaml"), CONFIG_MAP);
    writeFileSync(join(root, "ok.yaml"), CONFIG_MAP);
    writeFileSync(join(root, "secret.yaml"), CONFIG_MAP);
    chmodSync(join(root, "ok.yaml"), 0o644);
    chmodSync(join(root, "locked"), 0o000);
    chmodSync(join(root, "secret.yaml"), 0o000);
    // Root reads through permissions: run the CLI without the capabilities that let it.
    const wrap =
      process.getuid?.() === 0
        ? ["setpriv", "--bounding-set", "-dac_override,-dac_read_search", "--"]
        : [];
    const run = runCli(["check", "--format", "json", root], { wrap });
    assert.equal(run.code, 0, run.stderr);
    const json = JSON.parse(run.stdout);
    assert.deepEqual(json.skipped, [
      {
        file: join(root, "locked"),
        document: null,
        reason: "unreadable",
        detail: "cannot read the directory: EACCES",
      },
      {
        file: join(root, "secret.yaml"),
        document: null,
        reason: "unreadable",
        detail: "cannot read the file: EACCES",
      },
    ]);
    assert.deepEqual(
      [json.summary.files, json.summary.otherObjects, json.summary.skippedByReason],
      [1, 1, { unreadable: 2 }],
    );
  });
});
