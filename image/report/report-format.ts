/** Formats `hardened report` can print. */
export type ReportFormat = "text" | "json" | "markdown";

/** Every report format. */
export const REPORT_FORMATS: readonly ReportFormat[] = ["text", "json", "markdown"];
