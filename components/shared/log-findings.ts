import * as pulumi from "@pulumi/pulumi";
import { Exemption } from "../../rules/exemptions/exemption";
import { Finding } from "../../rules/finding";
import { describeFinding, unusedExemptionMessage, unusedExemptions } from "./findings";

/**
 * Logs the findings that did not block a component on its resource, one line each
 * ({@link describeFinding}): exempted findings and notes as info, the others as warnings.
 */
export function logFindings(findings: readonly Finding[], resource: pulumi.Resource): void {
  for (const finding of findings) {
    const line = describeFinding(finding);
    if (finding.exempted || finding.severity === "note") {
      pulumi.log.info(line, resource);
    } else {
      pulumi.log.warn(line, resource);
    }
  }
}

/**
 * Warns on the component's resource about each of `exemptions` that covers none of `findings`,
 * naming `arg`, the argument it should be removed from.
 */
export function logUnusedExemptions(
  findings: readonly Finding[],
  exemptions: readonly Exemption[],
  arg: string,
  resource: pulumi.Resource,
): void {
  for (const exemption of unusedExemptions(findings, exemptions)) {
    pulumi.log.warn(unusedExemptionMessage(exemption, arg), resource);
  }
}
