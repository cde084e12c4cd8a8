import type * as sarif from "sarif";
import { getRule, isKnownRuleId } from "../../rules/catalog";
import { Finding } from "../../rules/finding";
import { REPOSITORY_URL, ruleDocumentationUrl } from "../../rules/documentation-url";
import { RuleMetadata } from "../../rules/rule";
import { Severity } from "../../rules/severity";
import { FindingReport } from "./report";
import { ScanSummary } from "./scan-summary";

const LEVEL: Readonly<Record<Severity, sarif.ReportingConfiguration.level>> = {
  error: "error",
  warning: "warning",
  note: "note",
};

/** GitHub code scanning ranks security results by this CVSS-like score. */
const SECURITY_SEVERITY: Readonly<Record<Severity, string>> = {
  error: "8.0",
  warning: "5.0",
  note: "2.0",
};

function describeReferences(rule: RuleMetadata): string {
  return Object.entries(rule.references)
    .map(([tool, ids]) =>
      tool === "pss"
        ? `Pod Security Standards (${rule.references.pss?.level}): ${rule.references.pss?.control}`
        : `${tool}: ${(ids as readonly string[]).join(", ")}`,
    )
    .join("; ");
}

function reportingDescriptor(rule: RuleMetadata): sarif.ReportingDescriptor {
  return {
    id: rule.id,
    name: rule.id
      .split("-")
      .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
      .join(""),
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.description },
    helpUri: ruleDocumentationUrl(rule.id),
    help: {
      text: `${rule.remediation}\nReferences: ${describeReferences(rule)}`,
      markdown: `${rule.remediation}\n\n**References:** ${describeReferences(rule)}`,
    },
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: {
      tags: ["security", rule.target, ...rule.profiles.map((p) => `profile:${p}`)],
      precision: "very-high",
      "security-severity": SECURITY_SEVERITY[rule.severity],
    },
  };
}

function artifactUri(file: string | undefined): string {
  if (file === undefined || file === "-") {
    return "stdin";
  }
  return file.split("\\").join("/").replace(/^\.\//, "");
}

function logicalName(f: Finding): string {
  const parts = [f.kind, f.namespace ?? undefined, f.name, f.stage].filter((p) => p);
  return [...parts, f.path].join("/");
}

function result(f: Finding, ruleIndex: number): sarif.Result {
  return {
    ruleId: f.ruleId,
    ruleIndex,
    level: LEVEL[f.severity],
    message: { text: f.container ? `${f.message} (container ${f.container})` : f.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: artifactUri(f.file) },
          region: { startLine: f.line ?? 1 },
        },
        logicalLocations: [{ fullyQualifiedName: logicalName(f), kind: "member" }],
      },
    ],
    partialFingerprints: {
      "hardened/v1": [f.file, f.document, f.kind, f.namespace, f.name, f.stage, f.ruleId, f.path]
        .map((p) => (p === undefined || p === null ? "" : String(p)))
        .join("|"),
    },
    ...(f.exempted
      ? {
          suppressions: [
            {
              kind: "external" as const,
              status: "accepted" as const,
              justification: f.exemptionReason,
            },
          ],
        }
      : {}),
  };
}

/** One tool execution notification per skipped input, with its reason as the descriptor. */
function invocations(scan: ScanSummary): sarif.Invocation[] {
  return [
    {
      executionSuccessful: true,
      toolExecutionNotifications: scan.skipped.map((s) => ({
        level: "note" as const,
        descriptor: { id: s.reason },
        message: {
          text: `${s.document === null ? "" : `document ${s.document}: `}${s.reason}: ${s.detail}`,
        },
        locations: [{ physicalLocation: { artifactLocation: { uri: artifactUri(s.file) } } }],
      })),
    },
  ];
}

/**
 * Renders a SARIF 2.1.0 log that GitHub code scanning accepts: one run, the rules that produced
 * findings as reporting descriptors (full description, help and `helpUri`: the rule's section of
 * docs/rules.md), one result per finding with its file and line, and
 * exemptions as accepted suppressions. A rule id outside the catalog (a pack policy such as
 * `hardened`, in `preview`) gets a descriptor with its id only. For a `check` scan, every skipped input is a tool
 * execution notification (level `note`, the reason as its descriptor id).
 */
export function renderSarif(report: FindingReport, toolVersion: string): string {
  const ruleIds = [...new Set(report.findings.map((f) => f.ruleId))];
  const rules = ruleIds.map((id): sarif.ReportingDescriptor =>
    isKnownRuleId(id) ? reportingDescriptor(getRule(id)) : { id, shortDescription: { text: id } },
  );
  const log: sarif.Log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "hardened",
            informationUri: REPOSITORY_URL,
            semanticVersion: toolVersion,
            rules,
          },
        },
        automationDetails: { id: `hardened/${report.command}/` },
        ...(report.scan ? { invocations: invocations(report.scan) } : {}),
        results: report.findings.map((f) => result(f, ruleIds.indexOf(f.ruleId))),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
