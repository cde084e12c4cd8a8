import type { ExemptionSource } from "./exemptions/exemption";
import { Severity } from "./severity";

/**
 * One violation of one rule by one resource, ready to present. Fields that do not apply to the
 * input (a line for a manifest, a document index for a Dockerfile) are left out.
 */
export interface Finding {
  /** The rule's id. */
  readonly ruleId: string;
  /** The rule's severity. */
  readonly severity: Severity;
  /** What was found and what is expected. */
  readonly message: string;
  /** Exact field path of the offending value (or of where a missing field belongs). */
  readonly path: string;
  /** The container's name, or null when the finding is not about one container. */
  readonly container: string | null;
  /** The file the resource came from, or "-" for standard input. */
  readonly file?: string;
  /** Zero-based index of the YAML document in its file. */
  readonly document?: number;
  /** One-based line in the file. */
  readonly line?: number;
  /** Dockerfile stage name or index. */
  readonly stage?: string;
  /** Kubernetes kind or Pulumi type of the resource. */
  readonly kind?: string;
  /** The resource's name. */
  readonly name?: string;
  /** The resource's namespace, when it has one. */
  readonly namespace?: string | null;
  /** True when an exemption covers this finding. */
  readonly exempted?: boolean;
  /** The exemption's stated reason. */
  readonly exemptionReason?: string;
  /** Where the honoured exemption was declared. */
  readonly exemptionSource?: ExemptionSource;
  /** Why an exemption that covers this finding was refused; the finding then stays open. */
  readonly refusedExemption?: string;
}

/** True when the finding counts against the exit code: an error that no exemption covers. */
export function isBlocking(finding: Finding): boolean {
  return finding.severity === "error" && !finding.exempted;
}
