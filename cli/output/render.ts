import { paintSeverities } from "./color";
import { DEFAULT_FAIL_ON, FailOn } from "./fail-on";
import { OutputFormat } from "./format";
import { renderGithub } from "./github";
import { renderJson } from "./json";
import { renderJunit } from "./junit";
import { FindingReport } from "./report";
import { renderSarif } from "./sarif";
import { renderText } from "./text";
import { toolVersion } from "../tool-version";
import { escapeControl } from "../terminal-text";

/** How a report is presented beyond its format. */
export interface RenderOptions {
  /** The lowest severity that fails the run: JUnit failures are the findings at or above it. @default "error" */
  readonly failOn?: FailOn;
  /** Colour the severity marks of text output. @default false */
  readonly color?: boolean;
}

/**
 * Renders a report in `format`. Text output has every control character of each line escaped
 * (`escapeControl`), since names and messages come from untrusted input, then optionally
 * coloured; JSON, SARIF, JUnit and GitHub annotations escape them by their own syntax.
 */
export function renderFindings(
  report: FindingReport,
  format: OutputFormat,
  options: RenderOptions = {},
): string {
  switch (format) {
    case "json":
      return renderJson(report);
    case "sarif":
      return renderSarif(report, toolVersion());
    case "junit":
      return renderJunit(report, options.failOn ?? DEFAULT_FAIL_ON);
    case "github":
      return renderGithub(report);
    case "text": {
      const text = renderText(report).split("\n").map(escapeControl).join("\n");
      return options.color ? paintSeverities(text) : text;
    }
  }
}
