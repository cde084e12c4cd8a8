import { Finding } from "../../rules/finding";
import { ScanSummary } from "./scan-summary";

/** A finding as a command reports it: in rendered chart or kustomization output, with its renderer. */
export interface ReportFinding extends Finding {
  /** The command whose output held the resource, e.g. `helm template charts/web`. */
  readonly renderedBy?: string;
}

/** Everything a command hands to a renderer. */
export interface FindingReport {
  /** The command that produced the findings, e.g. `check`. */
  readonly command: string;
  /** The findings, in input order. */
  readonly findings: readonly ReportFinding[];
  /** How many resources (workloads, Dockerfiles, images) were checked. */
  readonly checked: number;
  /** Settings worth echoing in the output, such as the profile and PSS version. */
  readonly settings?: Readonly<Record<string, string>>;
  /** For `check`: what the scan read, rendered and skipped; its counts name workloads. */
  readonly scan?: ScanSummary;
  /**
   * Lists every skipped input in text output, not only the counts.
   * @default false
   */
  readonly verbose?: boolean;
  /**
   * Text output holds only the open findings, and nothing at all when there are none.
   * @default false
   */
  readonly quiet?: boolean;
}
