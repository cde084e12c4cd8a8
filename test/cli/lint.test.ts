import { strict as assert } from "assert";
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { runCli } from "../support/run-cli";

const DIGEST = `sha256:${"a".repeat(64)}`;
const PRESETS = join(__dirname, "..", "fixtures", "dockerfiles");

/** A Dockerfile with one error (root final stage) and builder-stage noise that must not count. */
const ROOT_FINAL = [
  `FROM alpine:3.20@${DIGEST} AS build`,
  "USER 10001",
  `FROM alpine:3.20@${DIGEST} AS runtime`,
  "COPY --from=build /out /app",
  'HEALTHCHECK CMD ["/app", "health"]',
  "",
].join("\n");

describe("hardened lint", () => {
  let dir: string;
  const write = (name: string, text: string): string => {
    const file = join(dir, name);
    writeFileSync(file, text);
    return file;
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "hardened-lint-"));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it("passes the three hardened presets with exit 0", () => {
    const run = runCli([
      "lint",
      ...["go", "node", "python"].map((p) => join(PRESETS, `${p}.Dockerfile`)),
    ]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(
      run.stdout,
      /^0 errors, 0 warnings, 0 notes in 3 resources checked \(profile hardened\)$/m,
    );
  });

  it("exits 1 on an error finding and prints it grouped by stage (text)", () => {
    const file = write("Dockerfile", ROOT_FINAL);
    const run = runCli(["lint", file]);
    assert.equal(run.code, 1);
    assert.match(
      run.stdout,
      /: stage runtime\n {2}error {3}dockerfile-final-user {2}line 3: stage\[1\]\(runtime\)\.USER/,
    );
  });

  it("prints findings with file, line and stage (json)", () => {
    const file = write("Dockerfile", ROOT_FINAL);
    const run = runCli(["lint", "--format", "json", file]);
    assert.equal(run.code, 1);
    const out = JSON.parse(run.stdout) as {
      findings: Record<string, unknown>[];
      summary: Record<string, unknown>;
    };
    assert.deepEqual(
      out.findings.map((f) => [f.ruleId, f.file, f.line, f.stage, f.path, f.container]),
      [["dockerfile-final-user", file, 3, "runtime", "stage[1](runtime).USER", null]],
    );
    assert.equal(out.summary.errors, 1);
  });

  it("prints SARIF 2.1.0 with the line of each result", () => {
    const file = write("Dockerfile", ROOT_FINAL);
    const run = runCli(["lint", "--format", "sarif", file]);
    assert.equal(run.code, 1);
    const sarif = JSON.parse(run.stdout);
    assert.equal(sarif.version, "2.1.0");
    const results = sarif.runs[0].results as {
      ruleId: string;
      locations: { physicalLocation: { region: { startLine: number } } }[];
    }[];
    assert.deepEqual(
      results.map((r) => [r.ruleId, r.locations[0].physicalLocation.region.startLine]),
      [["dockerfile-final-user", 3]],
    );
  });

  it("exits 0 when there are only warnings", () => {
    const file = write("Dockerfile", `FROM alpine:3.20@${DIGEST}\nUSER 10001:10001\n`);
    const run = runCli(["lint", "--format", "json", file]);
    assert.equal(run.code, 0);
    assert.deepEqual(
      (JSON.parse(run.stdout).findings as { ruleId: string }[]).map((f) => f.ruleId),
      ["dockerfile-healthcheck"],
    );
  });

  it("checks the --target stage instead of the last one", () => {
    const file = write("Dockerfile", ROOT_FINAL.replace("USER 10001", "RUN make") + "USER 10001\n");
    assert.equal(runCli(["lint", file]).code, 0);
    const run = runCli(["lint", "--target", "build", "--format", "json", file]);
    assert.equal(run.code, 1);
    assert.deepEqual(
      (JSON.parse(run.stdout).findings as { ruleId: string; path: string }[])
        .filter((f) => f.ruleId === "dockerfile-final-user")
        .map((f) => f.path),
      ["stage[0](build).USER"],
    );
  });

  it("reads the .dockerignore next to the Dockerfile, preferring <Dockerfile>.dockerignore", () => {
    const file = write(
      "Dockerfile",
      `FROM alpine:3.20@${DIGEST}\nCOPY . /app\nUSER 10001\nHEALTHCHECK CMD ["true"]\n`,
    );
    assert.equal(runCli(["lint", file]).code, 1);
    write(".dockerignore", ".git\n.env*\n*.key\nid_*\n");
    assert.equal(runCli(["lint", dir]).code, 0);
    write("Dockerfile.dockerignore", "node_modules\n");
    const run = runCli(["lint", file]);
    assert.equal(run.code, 1);
    assert.match(run.stdout, /dockerfile-context-copy-dockerignore/);
  });

  it("applies allowedRegistries from --config and keeps pragma-exempted findings", () => {
    const config = write("hardened.yaml", "allowedRegistries:\n  - ghcr.io/acme\n");
    const file = write(
      "Dockerfile",
      [
        `FROM ghcr.io/acme/base:1@${DIGEST} AS build`,
        '# hardened ignore=dockerfile-allowed-registry reason="mirrored by the platform team"',
        `FROM alpine:3.20@${DIGEST}`,
        "COPY --from=build /out /app",
        `COPY --from=docker.io/library/busybox:1.36@${DIGEST} /bin/busybox /busybox`,
        "USER 10001",
        'HEALTHCHECK CMD ["/app", "health"]',
        "",
      ].join("\n"),
    );
    const run = runCli(["lint", "--config", config, "--format", "json", file]);
    assert.equal(run.code, 1);
    const findings = JSON.parse(run.stdout).findings as Record<string, unknown>[];
    assert.deepEqual(
      findings
        .filter((f) => f.ruleId === "dockerfile-allowed-registry")
        .map((f) => [f.line, f.exempted ?? false, f.exemptionReason]),
      [
        [3, true, "mirrored by the platform team"],
        [5, false, undefined],
      ],
    );
  });

  it("runs the baseline profile's rules: a root final user is an error, an unpinned base is not", () => {
    const run = runCli(["lint", "--profile", "baseline", "--format", "json", "-"], {
      stdin: "FROM ubuntu\n",
    });
    assert.equal(run.code, 1, run.stderr);
    assert.deepEqual(
      JSON.parse(run.stdout).findings.map((f: { ruleId: string; line: number }) => [
        f.ruleId,
        f.line,
      ]),
      [["dockerfile-final-user", 1]],
    );
    assert.match(
      runCli(["lint", "--profile", "baseline", "-"], { stdin: "FROM ubuntu\n" }).stdout,
      /^1 error, 0 warnings, 0 notes in 1 resource checked \(profile baseline\)$/m,
    );
  });

  it("reads a Dockerfile from standard input", () => {
    const run = runCli(["lint", "--format", "json", "-"], { stdin: ROOT_FINAL });
    assert.equal(run.code, 1);
    assert.equal(JSON.parse(run.stdout).findings[0].file, "-");
  });

  const bad: readonly [string, string | undefined, RegExp][] = [
    [
      "a malformed Dockerfile",
      `FROM alpine:3.20@${DIGEST}\nRUNN true\n`,
      /^hardened: .*Dockerfile:2: unknown instruction "RUNN"/,
    ],
    [
      "a FROM with an undefined ARG",
      "ARG IMAGE\nFROM $IMAGE\n",
      /^hardened: .*Dockerfile:2: FROM \$IMAGE uses \$IMAGE, which has no value/,
    ],
    ["a missing file", undefined, /^hardened: cannot read .*missing\.Dockerfile: ENOENT/],
  ];
  for (const [name, text, message] of bad) {
    it(`exits 2 naming the file for ${name}`, () => {
      const file = text === undefined ? join(dir, "missing.Dockerfile") : write("Dockerfile", text);
      const run = runCli(["lint", file]);
      assert.equal(run.code, 2);
      assert.equal(run.stdout, "");
      assert.match(run.stderr, message);
    });
  }

  it("exits 2 for an unknown target or format", () => {
    const file = write("Dockerfile", ROOT_FINAL);
    const target = runCli(["lint", "--target", "tset", file]);
    assert.equal(target.code, 2);
    assert.match(target.stderr, /target stage "tset" does not exist; stages: build, runtime/);
    assert.equal(runCli(["lint", "--format", "xml", file]).code, 2);
  });
});
