import { strict as assert } from "assert";
import { countTrivyVulnerabilities } from "../../../image/report/trivy";

describe("trivy report counting", () => {
  it("counts every vulnerability and the critical and high ones, across results", () => {
    const report = JSON.stringify({
      SchemaVersion: 2,
      Results: [
        {
          Target: "debian 12",
          Vulnerabilities: [
            { VulnerabilityID: "CVE-1", Severity: "CRITICAL" },
            { VulnerabilityID: "CVE-2", Severity: "HIGH" },
            { VulnerabilityID: "CVE-3", Severity: "LOW" },
          ],
        },
        { Target: "app", Vulnerabilities: null },
        { Target: "python", Vulnerabilities: [{ VulnerabilityID: "CVE-4", Severity: "HIGH" }] },
      ],
    });
    assert.deepEqual(countTrivyVulnerabilities(report, "img"), { total: 4, critical: 1, high: 2 });
  });

  it("counts nothing for a clean image", () => {
    assert.deepEqual(countTrivyVulnerabilities(JSON.stringify({ SchemaVersion: 2 }), "img"), {
      total: 0,
      critical: 0,
      high: 0,
    });
  });

  it("names the image when the output is not JSON", () => {
    assert.throws(
      () => countTrivyVulnerabilities("oops", "app:1"),
      /trivy could not scan app:1: its output is not JSON/,
    );
  });
});
