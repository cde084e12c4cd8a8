import { strict as assert } from "assert";
import { readFileSync } from "fs";
import { join } from "path";
import { DEMO_STEPS } from "../demo/steps";
import { runCli } from "./support/run-cli";

const README = readFileSync(join(__dirname, "..", "README.md"), "utf8");

/** The fenced block of `language` that follows the first occurrence of `marker` in the README. */
function blockAfter(marker: string, language: string): string {
  const start = README.indexOf(marker);
  assert.ok(start >= 0, `README has no "${marker}"`);
  const open = README.indexOf("```" + language + "\n", start);
  const body = open + language.length + 4;
  return README.slice(body, README.indexOf("```", body));
}

describe("README", () => {
  it("shows the JSON that `hardened check --format json` prints for the insecure manifests", () => {
    const shown = JSON.parse(blockAfter("JSON output (`--format json`)", "json")) as {
      findings: Record<string, unknown>[];
      summary: Record<string, unknown>;
    };
    const run = runCli(["check", "--format", "json", "examples/manifests/insecure"]);
    assert.equal(run.code, 1);
    const actual = JSON.parse(run.stdout) as typeof shown;
    assert.deepEqual(actual.summary, shown.summary);
    assert.deepEqual(
      actual.findings.find((f) => f.ruleId === shown.findings[0].ruleId),
      shown.findings[0],
    );
  });

  it("shows the text that `hardened check` prints for the same finding", () => {
    const shown = blockAfter("Text output groups findings by resource", "");
    const run = runCli(["check", "examples/manifests/insecure"]);
    const [heading, ...lines] = shown.trimEnd().split("\n");
    assert.ok(run.stdout.startsWith(`${heading}\n`), run.stdout.slice(0, 200));
    assert.ok(run.stdout.includes(lines.join("\n")), lines.join("\n"));
  });

  it("shows the demo summary the demo prints, step by step", () => {
    const summary = blockAfter("`npm run demo` runs five steps", "");
    const titles = summary
      .split("\n")
      .filter((l) => /^ {2}[A-Z]/.test(l))
      .map((l) => l.slice(22).split(": ")[0]);
    assert.deepEqual(
      titles,
      DEMO_STEPS.map((s) => s.title.split(": ")[0]),
    );
  });
});
