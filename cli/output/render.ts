import { OutputFormat } from "./format";
import { renderJson } from "./json";
import { FindingReport } from "./report";
import { renderSarif } from "./sarif";
import { renderText } from "./text";
import { toolVersion } from "../tool-version";

/** Renders a report in `format`. */
export function renderFindings(report: FindingReport, format: OutputFormat): string {
  switch (format) {
    case "json":
      return renderJson(report);
    case "sarif":
      return renderSarif(report, toolVersion());
    case "text":
      return renderText(report);
  }
}
