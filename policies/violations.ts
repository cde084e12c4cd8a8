import { ReportViolation } from "@pulumi/policy";
import { Finding } from "../rules/finding";

/**
 * Reports the findings of one rule as CrossGuard violations. A finding covered by an exemption is
 * accepted and not reported here (the `hardened` policy shows it, advisory). A finding whose
 * exemption was refused is reported with the refusal, at the policy's own level. The message says
 * where (container, exact field path) and what was found; it never contains more of the resource
 * than the rule's own message.
 */
export function reportFindings(
  findings: readonly Finding[],
  ruleId: string,
  reportViolation: ReportViolation,
  urn?: string,
): void {
  for (const f of findings) {
    if (f.ruleId !== ruleId || f.exempted) {
      continue;
    }
    const container = f.container === null ? "" : `container "${f.container}": `;
    const refused = f.refusedExemption === undefined ? "" : ` [${f.refusedExemption}]`;
    reportViolation(`${container}${f.path}: ${f.message}${refused}`, urn);
  }
}
