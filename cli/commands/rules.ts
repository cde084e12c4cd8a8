import { Command, Option } from "commander";
import { PROFILES, Profile } from "../../rules/profile";
import { RuleMetadata } from "../../rules/rule";

function referencesLine(rule: RuleMetadata): string {
  return Object.entries(rule.references)
    .map(([tool, ids]) =>
      tool === "pss"
        ? `PSS ${rule.references.pss?.level} "${rule.references.pss?.control}" (PSA ${rule.references.pss?.psaCheckId})`
        : `${tool} ${(ids as readonly string[]).join(", ")}`,
    )
    .join("; ");
}

/** Registers `hardened rules`: the catalog, as text, JSON or Markdown (docs/rules.md). */
export function registerRulesCommand(program: Command): void {
  program
    .command("rules")
    .description("List every rule with its severity, profiles, references and remediation")
    .addOption(
      new Option("--profile <profile>", "only the rules of this profile").choices(PROFILES),
    )
    .option(
      "--target <target>",
      "only rules for kubernetes, kubernetes-set, dockerfile, image, docker-resource or stack",
    )
    .addOption(
      new Option("--format <format>", "output format")
        .choices(["text", "json", "markdown"])
        .default("text"),
    )
    .action(async (options: { profile?: Profile; target?: string; format: string }) => {
      // Every target's rules load when this command runs, not on every start of the CLI.
      const { CATALOG } = await import("../../rules/catalog");
      const rules = CATALOG.filter(
        (r) =>
          (!options.profile || r.profiles.includes(options.profile)) &&
          (!options.target || r.target === options.target),
      );
      if (options.format === "markdown") {
        const { renderRulesMarkdown } = await import("../output/rules-markdown");
        process.stdout.write(renderRulesMarkdown(rules));
        return;
      }
      if (options.format === "json") {
        const plain = rules.map((r) => ({
          id: r.id,
          title: r.title,
          description: r.description,
          severity: r.severity,
          profiles: r.profiles,
          target: r.target,
          references: r.references,
          remediation: r.remediation,
        }));
        process.stdout.write(`${JSON.stringify(plain, null, 2)}\n`);
        return;
      }
      for (const r of rules) {
        process.stdout.write(
          `${r.id}  [${r.severity}; ${r.target}; ${r.profiles.join(", ")}]\n  ${r.title}\n  refs: ${referencesLine(r)}\n  fix: ${r.remediation}\n\n`,
        );
      }
      process.stdout.write(`${rules.length} rules\n`);
    });
}
