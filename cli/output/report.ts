import { Finding } from "../../rules/finding";

/** Everything a command hands to a renderer. */
export interface FindingReport {
  /** The command that produced the findings, e.g. `check`. */
  readonly command: string;
  /** The findings, in input order. */
  readonly findings: readonly Finding[];
  /** How many resources (manifest objects, Dockerfiles, images) were checked. */
  readonly checked: number;
  /** Settings worth echoing in the output, such as the profile and PSS version. */
  readonly settings?: Readonly<Record<string, string>>;
}
