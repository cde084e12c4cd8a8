import { Diagnostic } from "../../preview/analyzer/analyzer-client";
import { PreviewResult } from "../../preview/run-preview";
import { ReportFinding } from "./report";

/**
 * The policy violations of a mocks preview as findings: the policy name as rule id, `error` for a
 * mandatory (or remediate) violation and `warning` for an advisory one, so the exit code follows
 * the pack's levels; the resource's Pulumi type and name as kind and name, its URN as the path,
 * and `file` the program's entry file.
 */
export function previewFindings(result: PreviewResult, file: string): ReportFinding[] {
  return result.diagnostics
    .filter((d: Diagnostic) => d.enforcementLevel !== "disabled")
    .map((d) => {
      const resource = result.resources.find((r) => r.urn === d.urn);
      return {
        ruleId: d.policyName,
        severity: d.enforcementLevel === "advisory" ? ("warning" as const) : ("error" as const),
        message: d.message,
        path: d.urn,
        container: null,
        file,
        ...(resource ? { kind: resource.type, name: resource.name } : {}),
      };
    });
}
