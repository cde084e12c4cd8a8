import { Diagnostic } from "./analyzer/analyzer-client";
import { unknownPaths } from "./count-unknowns";
import { PreviewResult } from "./run-preview";

function resourceLabel(result: PreviewResult, urn: string): string {
  const resource = result.resources.find((r) => r.urn === urn);
  return resource ? `${resource.type}: ${resource.name}` : urn || "stack";
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/**
 * Prints a preview the way `pulumi preview` prints policy results: the resources, then each
 * violation under the pack with its level, policy, resource and message; then what was not known.
 */
export function renderPreview(
  result: PreviewResult,
  programDir: string,
  undecrypted: readonly string[],
): string {
  const lines: string[] = [
    `Previewing ${programDir} under mocks (no Pulumi CLI, credentials or cluster)`,
    "",
  ];
  lines.push("Resources:");
  for (const r of result.resources) {
    lines.push(`    + ${r.type}: ${r.name}`);
  }
  lines.push(`    ${plural(result.resources.length, "resource")} to analyze`, "");
  const byLevel = (level: string) => result.diagnostics.filter((d) => d.enforcementLevel === level);
  const mandatory = byLevel("mandatory");
  lines.push("Policies:");
  lines.push(
    `    ${mandatory.length > 0 ? "❌" : "✅"} ${result.pack.name}@v${result.pack.version}`,
  );
  const show = (d: Diagnostic) => {
    lines.push(
      `        - [${d.enforcementLevel}]  ${d.policyName}  (${resourceLabel(result, d.urn)})`,
    );
    const message = d.message.startsWith(d.description)
      ? d.message
      : `${d.description}\n${d.message}`;
    for (const line of message.split("\n")) {
      lines.push(`          ${line}`);
    }
  };
  [...mandatory, ...result.diagnostics.filter((d) => d.enforcementLevel !== "mandatory")].forEach(
    show,
  );
  lines.push("");
  const unknown = result.resources.flatMap((r) =>
    unknownPaths(r.properties).map((p) => `${r.name}: ${p}`),
  );
  if (unknown.length > 0) {
    lines.push(
      `Not known before deployment: ${plural(unknown.length, "value")} (${unknown.join(", ")}).`,
      "Rules that read them were not evaluated; `pulumi up` with the policy pack checks them once they exist.",
    );
  }
  if (result.unexpanded.length > 0) {
    lines.push(
      `Not expanded under mocks: ${plural(result.unexpanded.length, "component")} (${result.unexpanded.map((c) => `${c.type}: ${c.name}`).join(", ")}).`,
      "Their children exist only under the real engine and were not checked: run `hardened preview --engine pulumi` or `pulumi preview --policy-pack`.",
    );
  }
  if (result.unansweredInvokes.length > 0) {
    lines.push(
      `Answered with nothing under mocks: ${plural(result.unansweredInvokes.length, "function")} (${result.unansweredInvokes.join(", ")}).`,
      "Resources the program builds from their results were not seen: run `hardened preview --engine pulumi` to check them.",
    );
  }
  if (undecrypted.length > 0) {
    lines.push(
      `Encrypted config not decrypted: ${undecrypted.join(", ")} (the program saw a secret placeholder).`,
    );
  }
  lines.push(
    `${plural(mandatory.length, "mandatory violation")}, ${plural(byLevel("advisory").length, "advisory violation")}` +
      `${mandatory.length > 0 ? ": the update would be blocked" : ""}`,
  );
  return `${lines.join("\n")}\n`;
}
