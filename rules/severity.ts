/** How serious a finding is. `error` fails `hardened check`/`lint`; `warning` and `note` inform. */
export type Severity = "error" | "warning" | "note";

/** Every severity, most serious first. */
export const SEVERITIES: readonly Severity[] = ["error", "warning", "note"];
