import { strict as assert } from "assert";
import { renderJunit } from "../../../cli/output/junit";
import { FindingReport } from "../../../cli/output/report";
import { getRule } from "../../../rules/catalog";

/** The final-user remediation as XML text (it holds only <, > and & of the markup characters). */
const FIX = getRule("dockerfile-final-user")
  .remediation.replace(/&/g, "&amp;")
  .replace(/</g, "&lt;")
  .replace(/>/g, "&gt;");

const REPORT: FindingReport = {
  command: "lint",
  checked: 2,
  findings: [
    {
      ruleId: "dockerfile-final-user",
      severity: "error",
      message: 'no USER <uid> & "root"',
      path: "stage[0].USER",
      container: null,
      file: "Dockerfile",
      line: 1,
      stage: "0",
    },
    {
      ruleId: "dockerfile-healthcheck",
      severity: "warning",
      message: "no HEALTHCHECK",
      path: "stage[0].HEALTHCHECK",
      container: null,
      file: "Dockerfile",
      line: 1,
      stage: "0",
    },
    {
      ruleId: "dockerfile-base-tag",
      severity: "warning",
      message: "no tag\x1b",
      path: "stage[0].FROM",
      container: null,
      file: "-",
      line: 2,
      stage: "0",
    },
  ],
};

describe("JUnit XML output", () => {
  it("has a suite per file and a case per instruction; errors fail, lower severities are output", () => {
    assert.equal(
      renderJunit(REPORT, "error"),
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<testsuites name="hardened lint" tests="2" failures="1" errors="0">',
        '  <testsuite name="Dockerfile" tests="1" failures="1" errors="0" skipped="0">',
        '    <testcase name="stage 0 line 1" classname="Dockerfile">',
        `      <failure message="dockerfile-final-user" type="error">error dockerfile-final-user stage[0].USER: no USER &lt;uid&gt; &amp; &quot;root&quot;&#10;fix: ${FIX}</failure>`,
        "      <system-out>warning dockerfile-healthcheck stage[0].HEALTHCHECK: no HEALTHCHECK</system-out>",
        "    </testcase>",
        "  </testsuite>",
        '  <testsuite name="stdin" tests="1" failures="0" errors="0" skipped="0">',
        '    <testcase name="stage 0 line 2" classname="stdin">',
        "      <system-out>warning dockerfile-base-tag stage[0].FROM: no tag\\x1b</system-out>",
        "    </testcase>",
        "  </testsuite>",
        "</testsuites>",
        "",
      ].join("\n"),
    );
  });

  it("fails at the --fail-on threshold", () => {
    const xml = renderJunit(REPORT, "warning");
    assert.match(xml, /<testsuites name="hardened lint" tests="2" failures="2" errors="0">/);
    assert.match(
      xml,
      /<failure message="dockerfile-final-user, dockerfile-healthcheck" type="error">/,
    );
  });

  it("a run without findings is one passing case counting what was checked", () => {
    assert.equal(
      renderJunit({ command: "check", checked: 3, findings: [] }, "error"),
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<testsuites name="hardened check" tests="1" failures="0" errors="0">',
        '  <testsuite name="hardened check" tests="1" failures="0" errors="0" skipped="0">',
        '    <testcase name="3 checked, no findings" classname="hardened check"/>',
        "  </testsuite>",
        "</testsuites>",
        "",
      ].join("\n"),
    );
  });
});
