import { buildReport } from "../../image/report/build-report";
import { CheckLine, checkLines } from "../../image/report/checks";
import { HardeningReport } from "../../image/report/hardening-report";
import { renderReport } from "../../image/report/render-report";
import { Finding } from "../../rules/finding";
import { ImageModel } from "../../rules/image/model";
import { RUNTIME_IMAGE_RULES } from "../../rules/image/runtime/rules";

/**
 * The hardening report of a pushed image, as `hardened report` makes it, from the findings of the
 * component's own verification (its `allowSetuid`, budgets and exemptions applied).
 */
export interface ImageHardeningReport extends HardeningReport {
  /** One line per runtime rule, when `verify.runtime` ran them. */
  readonly runtimeChecks?: readonly CheckLine[];
}

/** The report as data and as the text `hardened report` prints, with the component's sections. */
export interface RenderedImageReport {
  /** The structured report. */
  readonly json: ImageHardeningReport;
  /** The text form. */
  readonly text: string;
}

const RUNTIME_RULE_IDS = new Set(RUNTIME_IMAGE_RULES.map((r) => r.id));

function runtimeLines(findings: readonly Finding[]): CheckLine[] {
  return RUNTIME_IMAGE_RULES.map((rule) => {
    const own = findings.filter((f) => f.ruleId === rule.id);
    return own.length === 0
      ? { status: "PASS", text: rule.title }
      : { status: "FAIL", text: `${rule.title}: ${own.map((f) => f.message).join("; ")}` };
  });
}

function exemptionLines(findings: readonly Finding[]): string[] {
  const byRule = new Map<string, Finding[]>();
  for (const f of findings.filter((x) => x.exempted)) {
    byRule.set(f.ruleId, [...(byRule.get(f.ruleId) ?? []), f]);
  }
  return [...byRule].map(
    ([ruleId, own]) =>
      `  ${ruleId}: ${own.length} finding${own.length === 1 ? "" : "s"} accepted (${own[0].exemptionReason})`,
  );
}

/** What the report is made from, besides the image. */
export interface VerificationReportInput {
  /** Every finding, static and runtime, exemptions marked. */
  readonly findings: readonly Finding[];
  /** Whether the runtime rules ran. */
  readonly runtimeRan: boolean;
  /** The setuid/setgid allow-list the rules applied. */
  readonly allowedSetuid: readonly string[];
  /** The day the report is dated. */
  readonly date: Date;
}

/**
 * Builds the report of `model`: the SECURITY CHECKS lines come from the static findings, a
 * RUNTIME CHECKS section follows when the runtime rules ran, an EXEMPTIONS section names each rule
 * whose findings were accepted and why, and a SETTINGS line names the setuid allow-list, whose
 * files the checks do not report. Sizes, base and the vulnerability scan come from
 * `buildReport`, measured in this run.
 */
export async function verificationReport(
  model: ImageModel,
  input: VerificationReportInput,
): Promise<RenderedImageReport> {
  const { findings, date } = input;
  const staticFindings = findings.filter((f) => !RUNTIME_RULE_IDS.has(f.ruleId));
  const json: ImageHardeningReport = {
    ...(await buildReport(model, undefined, date)),
    checks: checkLines(model, staticFindings),
    findings: [...findings],
    ...(input.runtimeRan ? { runtimeChecks: runtimeLines(findings) } : {}),
  };
  const sections: string[] = [];
  if (json.runtimeChecks !== undefined) {
    sections.push(
      "",
      "RUNTIME CHECKS:",
      ...json.runtimeChecks.map((c) => `  [${c.status}] ${c.text}`),
    );
  }
  const exempted = exemptionLines(findings);
  if (exempted.length > 0) {
    sections.push("", "EXEMPTIONS:", ...exempted);
  }
  if (input.allowedSetuid.length > 0) {
    sections.push(
      "",
      "SETTINGS:",
      `  Setuid/setgid files allowed by verify.allowSetuid, not reported: ${input.allowedSetuid.join(", ")}`,
    );
  }
  const text = renderReport(json, "text") + (sections.length > 0 ? `${sections.join("\n")}\n` : "");
  return { json, text };
}
