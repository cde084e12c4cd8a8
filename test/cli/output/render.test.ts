import { strict as assert } from "assert";
import { renderFindings } from "../../../cli/output/render";
import { FindingReport } from "../../../cli/output/report";

const CLEAN: FindingReport = { command: "lint", checked: 1, findings: [], quiet: true };

describe("renderFindings with --quiet", () => {
  it("prints no text without open findings, but always writes the documents of the other formats", () => {
    assert.equal(renderFindings(CLEAN, "text"), "");
    assert.equal(renderFindings(CLEAN, "github"), "");
    assert.deepEqual(JSON.parse(renderFindings(CLEAN, "json")), {
      findings: [],
      summary: { errors: 0, warnings: 0, notes: 0, exempted: 0, checked: 1 },
    });
    assert.match(renderFindings(CLEAN, "junit"), /<testcase name="1 checked, no findings"/);
    assert.equal(
      (JSON.parse(renderFindings(CLEAN, "sarif")) as { runs: { results: unknown[] }[] }).runs[0]
        .results.length,
      0,
    );
  });
});

describe("SARIF of findings outside the catalog", () => {
  it("describes a pack policy that is not a rule (such as hardened) by its id only", () => {
    const log = JSON.parse(
      renderFindings(
        {
          command: "preview",
          checked: 1,
          findings: [
            { ruleId: "hardened", severity: "warning", message: "m", path: "urn", container: null },
          ],
        },
        "sarif",
      ),
    ) as { runs: { tool: { driver: { rules: unknown[] } } }[] };
    assert.deepEqual(log.runs[0].tool.driver.rules, [
      { id: "hardened", shortDescription: { text: "hardened" } },
    ]);
  });
});
