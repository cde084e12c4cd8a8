import { Severity } from "../../rules/severity";
import { escapeControl } from "../terminal-text";
import { FindingReport, ReportFinding } from "./report";

const COMMAND: Readonly<Record<Severity, string>> = {
  error: "error",
  warning: "warning",
  note: "notice",
};

/** A workflow command's message: `%`, carriage return and line feed percent-encoded. */
export function escapeGithubData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** A workflow command's property value: as data, plus `:` and `,` percent-encoded. */
export function escapeGithubProperty(text: string): string {
  return escapeGithubData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

function where(f: ReportFinding): string {
  const parts = [
    f.kind !== undefined
      ? `${f.kind} ${f.namespace ? `${f.namespace}/` : ""}${f.name ?? "(unnamed)"}`
      : undefined,
    f.stage !== undefined ? `stage ${f.stage}` : undefined,
    f.container ? `container ${f.container}` : undefined,
  ].filter((p) => p !== undefined);
  return `${parts.length > 0 ? `${parts.join(", ")}: ` : ""}${f.path}: `;
}

function annotation(f: ReportFinding): string {
  const properties = [
    f.file !== undefined && f.file !== "-"
      ? `file=${escapeGithubProperty(escapeControl(f.file))}`
      : undefined,
    f.line !== undefined ? `line=${f.line}` : undefined,
    `title=${escapeGithubProperty(f.ruleId)}`,
  ].filter((p) => p !== undefined);
  return `::${COMMAND[f.severity]} ${properties.join(",")}::${escapeGithubData(escapeControl(`${where(f)}${f.message}`))}`;
}

/**
 * Renders GitHub Actions workflow commands, one per open finding: `::error` for errors,
 * `::warning` for warnings, `::notice` for notes, each with `file` (left out for unnamed standard
 * input), `line` when known and the rule id as `title`; the message names the resource, field and
 * container. Control characters are escaped as in text output (`\x1b`), then values are
 * percent-encoded as the runner requires. Exempted findings are not annotated.
 */
export function renderGithub(report: FindingReport): string {
  return report.findings
    .filter((f) => !f.exempted)
    .map((f) => `${annotation(f)}\n`)
    .join("");
}
