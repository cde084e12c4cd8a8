import { OutputFormat } from "./format";
import { renderJson } from "./json";
import { FindingReport } from "./report";
import { renderSarif } from "./sarif";
import { renderText } from "./text";
import { toolVersion } from "../tool-version";
import { escapeControl } from "../terminal-text";

/**
 * Renders a report in `format`. Text output has every control character of each line escaped
 * (`escapeControl`), since names and messages come from untrusted input; JSON and SARIF escape
 * them by their own syntax.
 */
export function renderFindings(report: FindingReport, format: OutputFormat): string {
  switch (format) {
    case "json":
      return renderJson(report);
    case "sarif":
      return renderSarif(report, toolVersion());
    case "text":
      return renderText(report).split("\n").map(escapeControl).join("\n");
  }
}
