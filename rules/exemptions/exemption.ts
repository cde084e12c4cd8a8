import { Finding } from "../finding";

/** A decision to accept a rule's findings for one resource, or one container of it. */
export interface Exemption {
  /** The exempted rule. */
  readonly ruleId: string;
  /** The one container it covers; undefined covers the whole resource. */
  readonly container?: string;
  /** Why the finding is accepted. Always non-empty. */
  readonly reason: string;
}

/** True when `exemption` covers `finding`. */
export function exemptionCovers(exemption: Exemption, finding: Finding): boolean {
  return (
    exemption.ruleId === finding.ruleId &&
    (exemption.container === undefined || exemption.container === finding.container)
  );
}

/**
 * Marks the findings that an exemption covers with `exempted: true` and the exemption's reason.
 * Findings are never dropped: an exempted finding is still reported, it just does not block.
 */
export function applyExemptions(
  findings: readonly Finding[],
  exemptions: readonly Exemption[],
): Finding[] {
  return findings.map((finding) => {
    const exemption = exemptions.find((e) => exemptionCovers(e, finding));
    return exemption ? { ...finding, exempted: true, exemptionReason: exemption.reason } : finding;
  });
}
