import { strict as assert } from "assert";
import { HardeningReport } from "../../../image/report/hardening-report";
import { formatMegabytes, renderReport } from "../../../image/report/render-report";

const REPORT: HardeningReport = {
  image: {
    reference: "app:hardened",
    sizeBytes: 143_000_000,
    layers: 4,
    base: "python:3.12-slim-bookworm",
  },
  before: { reference: "python:3.12", sizeBytes: 1_247_000_000, layers: 9, base: "unknown" },
  date: "2026-02-23",
  checks: [
    { status: "PASS", text: "Non-root user configured (appuser:1000)" },
    { status: "WARN", text: "No HEALTHCHECK instruction" },
    { status: "FAIL", text: "Shell present (/bin/sh)" },
  ],
  findings: [],
  vulnerabilities: {
    scanner: "trivy",
    before: { total: 234, critical: 12, high: 45 },
    after: { total: 18, critical: 0, high: 3 },
  },
};

describe("hardening report rendering", () => {
  it("prints the text form", () => {
    assert.equal(
      renderReport(REPORT, "text"),
      [
        "Container Image Hardening Report",
        "==================================",
        "Image: app:hardened",
        "Base: python:3.12-slim-bookworm",
        "Date: 2026-02-23",
        "",
        "SIZE COMPARISON:",
        "  Before hardening: 1,247 MB (python:3.12, 9 layers)",
        "  After hardening:  143 MB (app:hardened, 4 layers)",
        "  Reduction: 88.5%",
        "  (sizes are sums of uncompressed layer sizes)",
        "",
        "SECURITY CHECKS:",
        "  [PASS] Non-root user configured (appuser:1000)",
        "  [WARN] No HEALTHCHECK instruction",
        "  [FAIL] Shell present (/bin/sh)",
        "",
        "VULNERABILITY COMPARISON:",
        "  Before: 234 CVEs (12 Critical, 45 High)",
        "  After:  18 CVEs (0 Critical, 3 High)",
        "  Reduction: 92.3%",
        "",
      ].join("\n"),
    );
  });

  it("says plainly that no scan ran, and prints no number it did not measure", () => {
    const text = renderReport(
      {
        ...REPORT,
        before: undefined,
        vulnerabilities: { scanner: null, note: "trivy is not on PATH" },
      },
      "text",
    );
    assert.match(
      text,
      /VULNERABILITY COMPARISON:\n {2}No vulnerability scan was run: trivy is not on PATH\.\n$/,
    );
    assert.match(text, /SIZE COMPARISON:\n {2}Size: 143 MB \(app:hardened, 4 layers\)\n/);
    assert.doesNotMatch(text, /CVEs/);
  });

  it("prints markdown and JSON with the same data", () => {
    const md = renderReport(REPORT, "markdown");
    assert.match(md, /^# Container Image Hardening Report\n/);
    assert.match(
      md,
      /\n## Security checks\n\n- \[PASS\] Non-root user configured \(appuser:1000\)\n/,
    );
    assert.deepEqual(JSON.parse(renderReport(REPORT, "json")), JSON.parse(JSON.stringify(REPORT)));
  });

  it("formats megabytes as docker images does, with one decimal below 10 MB", () => {
    assert.deepEqual([1_247_000_000, 143_400_000, 2_160_000, 0].map(formatMegabytes), [
      "1,247 MB",
      "143 MB",
      "2.2 MB",
      "0.0 MB",
    ]);
  });
});
