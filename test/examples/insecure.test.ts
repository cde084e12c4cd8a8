import { strict as assert } from "assert";
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { parse } from "yaml";
import { buildPack } from "../../dev/build-pack";
import { runCli } from "../support/run-cli";
import { EXAMPLES, codeBlocks, readmeOf, section, tableRows } from "./support/readme";

const PROGRAM = join(EXAMPLES, "insecure");
const README = readmeOf("insecure");

/** The token the example's stack config holds in plain text. */
const TOKEN = (
  parse(readFileSync(join(PROGRAM, "Pulumi.dev.yaml"), "utf8")) as {
    config: Record<string, string>;
  }
).config["insecure:npmToken"];

/** `<level> <policy> (<resource>)` for each violation line of `hardened preview` output, sorted. */
function violations(stdout: string): string[] {
  return [...stdout.matchAll(/^ {8}- \[([a-z]+)\] {2}(\S+) {2}\((.+)\)$/gm)]
    .map((m) => `${m[1]} ${m[2]} (${m[3]})`)
    .sort();
}

/** The same form for the README table rows under `heading`. */
function listed(heading: string): string[] {
  return tableRows(section(README, heading))
    .map(([policy, level, resource]) => `${level} ${policy} (${resource})`)
    .sort();
}

describe("examples/insecure", function () {
  this.timeout(180_000);
  before(() => buildPack());

  it("hardened preview exits 1 with exactly the README's violations and never prints the token", () => {
    assert.ok(TOKEN.length > 10, "the example's Pulumi.dev.yaml should hold a token");
    const run = runCli(["preview", PROGRAM]);
    assert.equal(run.code, 1, run.stdout + run.stderr);
    const mandatory = listed("Mandatory (they block the update)");
    const advisory = listed("Advisory (reported, not blocking)");
    assert.equal(mandatory.length, 15);
    assert.equal(advisory.length, 26);
    assert.deepEqual(violations(run.stdout), [...advisory, ...mandatory].sort());
    const summary = codeBlocks(section(README, "Run it"))[2];
    assert.ok(run.stdout.endsWith(summary), `output does not end with:\n${summary}`);
    assert.ok(!(run.stdout + run.stderr).includes(TOKEN), "the npm token was printed");
    assert.doesNotMatch(run.stdout, / {2}dockerfile-/, "the pack cannot read build.dockerfile");
  });

  it("built-image-by-digest becomes mandatory with the policy config the README gives", () => {
    const config = join(mkdtempSync(join(tmpdir(), "hardened-insecure-")), "policy.json");
    writeFileSync(config, JSON.stringify({ "built-image-by-digest": "mandatory" }));
    assert.ok(README.includes('`{ "built-image-by-digest": "mandatory" }`'));
    const run = runCli(["preview", "--policy-config", config, PROGRAM]);
    assert.equal(run.code, 1, run.stderr);
    assert.ok(
      violations(run.stdout).includes(
        "mandatory built-image-by-digest (kubernetes:apps/v1:Deployment: web)",
      ),
    );
    assert.match(run.stdout, /\n16 mandatory violations, 25 advisory violations: /);
  });

  it("hardened lint reports exactly the README's Dockerfile findings, with exit 1", () => {
    const run = runCli(["lint", "--format", "json", join(PROGRAM, "Dockerfile")]);
    assert.equal(run.code, 1, run.stderr);
    const findings = (
      JSON.parse(run.stdout) as {
        findings: { line: number; ruleId: string; severity: string; path: string }[];
      }
    ).findings.map((f) => [String(f.line), f.ruleId, f.severity, f.path]);
    assert.deepEqual(findings, tableRows(section(README, "The Dockerfile")));
    assert.match(README, /It exits with code \*\*1\*\* \(5 errors, 4 warnings\)/);
    assert.equal(findings.filter((f) => f[2] === "error").length, 5);
    assert.equal(findings.filter((f) => f[2] === "warning").length, 4);
  });
});
