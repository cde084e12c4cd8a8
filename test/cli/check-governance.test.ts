import { strict as assert } from "assert";
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import type * as sarif from "sarif";
import { runCli } from "../support/run-cli";

const EXEMPT = join(__dirname, "..", "fixtures", "manifests", "dir", "nested", "exempt.yml");
const INIT_PATH = "spec.template.spec.initContainers[0].securityContext.privileged";
const REFUSED =
  'exemption of "privileged" (container istio-init) from annotations refused: allowExemptions.from is [config]';

interface JsonFinding {
  ruleId: string;
  path: string;
  exempted?: boolean;
  exemptionReason?: string;
  exemptionSource?: string;
  refusedExemption?: string;
}

function privileged(args: string[]): { code: number | null; findings: JsonFinding[] } {
  const run = runCli(["check", "--format", "json", ...args, EXEMPT]);
  const findings = (JSON.parse(run.stdout) as { findings: JsonFinding[] }).findings;
  return { code: run.code, findings: findings.filter((f) => f.ruleId === "privileged") };
}

function configFile(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), "hardened-governance-")), "config.yaml");
  writeFileSync(file, text);
  return file;
}

describe("hardened check: who may exempt what", function () {
  this.timeout(300000);

  it("honours annotations by default and says where the exemption came from", () => {
    const init = privileged([]).findings.find((f) => f.path === INIT_PATH);
    assert.deepEqual(init && [init.exempted, init.exemptionSource, init.exemptionReason], [
      true,
      "annotations",
      "istio-init programs iptables and needs privileges",
    ]);
  });

  it("--no-inline-exemptions refuses the annotation and says so; config exemptions still count", () => {
    const refused = privileged(["--no-inline-exemptions"]);
    assert.deepEqual(
      refused.findings.map((f) => [f.path, f.exempted ?? false, f.refusedExemption]),
      [
        [INIT_PATH, false, REFUSED],
        ["spec.template.spec.containers[0].securityContext.privileged", false, undefined],
      ],
    );
    const config = configFile(
      "exemptions:\n  - rule: privileged\n    kind: DaemonSet\n    name: mesh\n    reason: reviewed by platform\n",
    );
    const withConfig = privileged(["--no-inline-exemptions", "--config", config]);
    assert.deepEqual(
      withConfig.findings.map((f) => [f.exempted, f.exemptionSource, f.exemptionReason]),
      [
        [true, "config", "reviewed by platform"],
        [true, "config", "reviewed by platform"],
      ],
    );
  });

  it("allowExemptions in the config file: from, rules, namespaces", () => {
    const cases: [string, boolean][] = [
      ["allowExemptions:\n  rules: {allow: [privileged]}\n  namespaces: [mesh-system]\n", true],
      ["allowExemptions:\n  rules: non-mandatory\n", false],
      ["allowExemptions:\n  namespaces: [default]\n", false],
    ];
    for (const [text, honoured] of cases) {
      const init = privileged(["--config", configFile(text)]).findings.find(
        (f) => f.path === INIT_PATH,
      );
      assert.equal(init?.exempted ?? false, honoured, text);
      assert.equal(init?.refusedExemption === undefined, honoured, text);
    }
  });

  it("text output lists exempted findings in their own section, with reason and source", () => {
    const run = runCli(["check", EXEMPT]);
    const lines = run.stdout.split("\n");
    const section = lines.findIndex((l) => l.startsWith("Exempted ("));
    assert.ok(section > 0, run.stdout);
    assert.equal(
      lines[section],
      "Exempted (1 finding, not counted; each with its reason and where the exemption came from):",
    );
    const after = lines.slice(section).join("\n");
    assert.match(
      after,
      / {2}exempt {2}privileged {2}line \d+: spec\.template\.spec\.initContainers\[0\]/,
    );
    assert.match(
      after,
      / {10}exempted by annotations: istio-init programs iptables and needs privileges/,
    );
    assert.ok(!lines.slice(0, section).some((l) => l.includes("exempt ")), "no exempt line above");
    const refused = runCli(["check", "--no-inline-exemptions", EXEMPT]).stdout;
    assert.ok(!refused.includes("Exempted ("));
    assert.ok(refused.includes(`          ${REFUSED}`), refused);
  });

  it("SARIF carries an honoured exemption as an accepted suppression with its justification", () => {
    const run = runCli(["check", "--format", "sarif", EXEMPT]);
    const results = (JSON.parse(run.stdout) as sarif.Log).runs[0].results ?? [];
    const suppressed = results.filter((r) => r.suppressions !== undefined);
    assert.deepEqual(
      suppressed.map((r) => [r.ruleId, r.suppressions]),
      [
        [
          "privileged",
          [
            {
              kind: "external",
              status: "accepted",
              justification: "istio-init programs iptables and needs privileges",
            },
          ],
        ],
      ],
    );
    const refused = runCli(["check", "--format", "sarif", "--no-inline-exemptions", EXEMPT]);
    const refusedResults = (JSON.parse(refused.stdout) as sarif.Log).runs[0].results ?? [];
    assert.ok(refusedResults.every((r) => r.suppressions === undefined));
  });

  it("hardened lint --no-inline-exemptions refuses # hardened ignore pragmas", () => {
    const dir = mkdtempSync(join(tmpdir(), "hardened-governance-"));
    const file = join(dir, "Dockerfile");
    writeFileSync(
      file,
      '# hardened ignore=dockerfile-base-digest reason="pinned by renovate later"\nFROM alpine:3.20\nUSER 10001\n',
    );
    const lint = (args: string[]) =>
      (
        JSON.parse(runCli(["lint", "--format", "json", ...args, file]).stdout) as {
          findings: JsonFinding[];
        }
      ).findings.filter((f) => f.ruleId === "dockerfile-base-digest");
    assert.deepEqual(
      lint([]).map((f) => [f.exempted, f.exemptionSource]),
      [[true, "pragmas"]],
    );
    assert.deepEqual(
      lint(["--no-inline-exemptions"]).map((f) => [f.exempted ?? false, f.refusedExemption]),
      [
        [
          false,
          'exemption of "dockerfile-base-digest" from pragmas refused: allowExemptions.from is [config]',
        ],
      ],
    );
  });
});
