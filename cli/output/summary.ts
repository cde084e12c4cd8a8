import { Finding } from "../../rules/finding";

/** Counts over a set of findings, printed by every format. */
export interface FindingSummary {
  /** Error-severity findings that no exemption covers. */
  readonly errors: number;
  /** Warning-severity findings that no exemption covers. */
  readonly warnings: number;
  /** Note-severity findings that no exemption covers. */
  readonly notes: number;
  /** Findings an exemption covers, whatever their severity. */
  readonly exempted: number;
  /** How many resources (manifest objects, Dockerfiles, images) were checked. */
  readonly checked: number;
}

/** Summarizes `findings` over `checked` inputs. */
export function summarize(findings: readonly Finding[], checked: number): FindingSummary {
  const open = findings.filter((f) => !f.exempted);
  return {
    errors: open.filter((f) => f.severity === "error").length,
    warnings: open.filter((f) => f.severity === "warning").length,
    notes: open.filter((f) => f.severity === "note").length,
    exempted: findings.length - open.length,
    checked,
  };
}
