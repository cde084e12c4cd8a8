import { getRule } from "../../rules/catalog";
import { escapeControl } from "../terminal-text";
import { FailOn, failsAt } from "./fail-on";
import { FindingReport, ReportFinding } from "./report";

/** Text for an XML attribute or element: control characters escaped (`\x1b`), markup entities. */
function xml(text: string): string {
  return escapeControl(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

function suiteName(f: ReportFinding): string {
  return f.file === undefined || f.file === "-" ? "stdin" : f.file;
}

function caseName(f: ReportFinding): string {
  const resource =
    f.kind !== undefined
      ? `${f.kind} ${f.namespace ? `${f.namespace}/` : ""}${f.name ?? "(unnamed)"}`
      : f.stage !== undefined
        ? `stage ${f.stage}`
        : "image";
  const document = f.document !== undefined ? `document ${f.document}: ` : "";
  return `${document}${resource}${f.kind === undefined && f.line !== undefined ? ` line ${f.line}` : ""}`;
}

function findingText(f: ReportFinding): string {
  const container = f.container ? ` (container ${f.container})` : "";
  const state = f.exempted ? ` [exempted: ${f.exemptionReason ?? ""}]` : "";
  return `${f.severity} ${f.ruleId} ${f.path}${container}: ${f.message}${state}`;
}

function testcase(
  name: string,
  classname: string,
  findings: ReportFinding[],
  failOn: FailOn,
): string {
  const failing = findings.filter((f) => failsAt(f, failOn));
  const open = `    <testcase name="${xml(name)}" classname="${xml(classname)}">`;
  const failure =
    failing.length === 0
      ? []
      : [
          `      <failure message="${xml([...new Set(failing.map((f) => f.ruleId))].join(", "))}" type="${xml(failing[0].severity)}">${failing
            .map((f) => `${xml(findingText(f))}&#10;fix: ${xml(getRule(f.ruleId).remediation)}`)
            .join("&#10;")}</failure>`,
        ];
  const others = findings.filter((f) => !failsAt(f, failOn));
  const out =
    others.length === 0
      ? []
      : [`      <system-out>${others.map((f) => xml(findingText(f))).join("&#10;")}</system-out>`];
  return [open, ...failure, ...out, "    </testcase>"].join("\n");
}

/**
 * Renders a JUnit XML report as CI systems read it: one `testsuite` per file (or `stdin`, or the
 * image), one `testcase` per resource (manifest document and object), Dockerfile instruction
 * (line) or image with findings, holding a
 * `failure` that lists every open finding at or above `failOn`; findings below it and exempted
 * ones are listed in the case's `system-out`. A run without findings is one suite with one
 * passing case that counts the resources checked.
 */
export function renderJunit(report: FindingReport, failOn: FailOn): string {
  const suites = new Map<string, Map<string, ReportFinding[]>>();
  for (const f of report.findings) {
    const suite = suites.get(suiteName(f)) ?? new Map<string, ReportFinding[]>();
    suites.set(suiteName(f), suite);
    suite.set(caseName(f), [...(suite.get(caseName(f)) ?? []), f]);
  }
  const name = `hardened ${report.command}`;
  const lines: string[] = [];
  let tests = 0;
  let failures = 0;
  if (suites.size === 0) {
    tests = 1;
    lines.push(
      `  <testsuite name="${xml(name)}" tests="1" failures="0" errors="0" skipped="0">`,
      `    <testcase name="${report.checked} checked, no findings" classname="${xml(name)}"/>`,
      "  </testsuite>",
    );
  }
  for (const [file, cases] of suites) {
    const failed = [...cases.values()].filter((fs) => fs.some((f) => failsAt(f, failOn))).length;
    tests += cases.size;
    failures += failed;
    lines.push(
      `  <testsuite name="${xml(file)}" tests="${cases.size}" failures="${failed}" errors="0" skipped="0">`,
      ...[...cases].map(([caseTitle, fs]) => testcase(caseTitle, file, fs, failOn)),
      "  </testsuite>",
    );
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${xml(name)}" tests="${tests}" failures="${failures}" errors="0">`,
    ...lines,
    "</testsuites>",
    "",
  ].join("\n");
}
