import { Exemption, exemptionCovers } from "../../rules/exemptions/exemption";
import { Finding, isBlocking } from "../../rules/finding";
import { evaluateWorkload } from "../../rules/kubernetes/evaluate";
import { KubernetesRuleOptions } from "../../rules/kubernetes/options";
import { KubernetesObject } from "../../rules/kubernetes/types";
import { HardeningViolationError } from "./errors";

/**
 * Runs every rule of the `hardened` profile (which includes baseline and restricted) on a workload
 * built as plain data. Throws {@link HardeningViolationError} listing every error-severity finding
 * no exemption covers; returns the other findings (warnings, notes, exempted errors) for the
 * caller to report.
 */
export function checkWorkload(
  workload: KubernetesObject,
  owner: string,
  ruleOptions: KubernetesRuleOptions | undefined,
  exemptions: readonly Exemption[] = [],
): Finding[] {
  const findings = evaluateWorkload(workload, {
    profile: "hardened",
    options: ruleOptions,
    exemptions,
  });
  const blocking = findings.filter(isBlocking);
  if (blocking.length > 0) {
    throw new HardeningViolationError(owner, blocking);
  }
  return findings;
}

/** One line describing a finding that does not block, for a Pulumi warning. */
export function describeFinding(finding: Finding): string {
  const exempted = finding.exempted ? ` (exempted: ${finding.exemptionReason})` : "";
  return `${finding.ruleId} at ${finding.path}: ${finding.message}${exempted}`;
}

/** The exemptions that cover none of `findings`: stale ones that should be removed. */
export function unusedExemptions(
  findings: readonly Finding[],
  exemptions: readonly Exemption[],
): Exemption[] {
  return exemptions.filter((e) => !findings.some((f) => exemptionCovers(e, f)));
}
