import { Finding } from "../finding";

/**
 * Where an exemption was declared: `config` (the CLI config file or the policy pack config, both
 * the platform's), `annotations` (`hardened.dev/exempt` written on the workload), `args` (the
 * `exemptions` of a pulumi-hardened component, written by it as those annotations) or `pragmas`
 * (`# hardened ignore` comments in a Dockerfile).
 */
export type ExemptionSource = "config" | "annotations" | "args" | "pragmas";

/** A decision to accept a rule's findings for one resource, or one container of it. */
export interface Exemption {
  /** The exempted rule. */
  readonly ruleId: string;
  /** The one container it covers; undefined covers the whole resource. */
  readonly container?: string;
  /** Why the finding is accepted. Always non-empty. */
  readonly reason: string;
  /**
   * Where it was declared.
   * @default config
   */
  readonly source?: ExemptionSource;
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
    return exemption ? exempt(finding, exemption) : finding;
  });
}

function exempt(finding: Finding, exemption: Exemption): Finding {
  return {
    ...finding,
    exempted: true,
    exemptionReason: exemption.reason,
    exemptionSource: exemption.source ?? "config",
  };
}

/**
 * Like {@link applyExemptions}, but only exemptions that `refusalOf` accepts (returns undefined
 * for) exempt a finding. A finding covered only by refused exemptions stays open and carries the
 * first refusal in `refusedExemption`, so the refusal is reported with it.
 */
export function applyGovernedExemptions(
  findings: readonly Finding[],
  exemptions: readonly Exemption[],
  refusalOf: (exemption: Exemption) => string | undefined,
): Finding[] {
  return findings.map((finding) => {
    let refusal: string | undefined;
    for (const exemption of exemptions.filter((e) => exemptionCovers(e, finding))) {
      const refused = refusalOf(exemption);
      if (refused === undefined) {
        return exempt(finding, exemption);
      }
      refusal ??= refused;
    }
    return refusal === undefined ? finding : { ...finding, refusedExemption: refusal };
  });
}
