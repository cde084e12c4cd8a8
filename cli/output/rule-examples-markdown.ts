import { EXAMPLE_LANGUAGE } from "../../rules/example";
import { exampleOf } from "../../rules/examples";
import { RuleMetadata, RuleTarget } from "../../rules/rule";

const SHOWN: Readonly<Record<RuleTarget, string>> = {
  kubernetes: "a manifest as `hardened check` reads it",
  "kubernetes-set": "manifests `hardened check` reads together",
  dockerfile: "a Dockerfile as `hardened lint` reads it",
  image:
    "the image facts the rule reads: fields of the image config blob (`config`, `history`), the files of each layer (`layers`), or what `hardened verify --runtime` saw when it ran the image (`runtime`)",
  "docker-resource": "a Pulumi YAML program's resources",
  stack: "a Pulumi stack's resources",
};

function fenced(language: string, text: string): string[] {
  return ["```" + language, ...text.replace(/\n$/, "").split("\n"), "```"];
}

/**
 * The Markdown of a rule's examples (from `rules/examples.ts`, the ones the tests run): what they
 * show, the settings they need, then the failing and the passing snippet as fenced code blocks in
 * the language of the rule's target.
 */
export function exampleLines(rule: RuleMetadata): string[] {
  const example = exampleOf(rule.id);
  const language = EXAMPLE_LANGUAGE[rule.target];
  const settings = Object.entries(example.settings ?? {}).map(
    ([name, value]) => `\`${name}: ${JSON.stringify(value)}\``,
  );
  return [
    `**Examples** (${SHOWN[rule.target]}${settings.length > 0 ? `, with the setting ${settings.join(", ")}` : ""}).`,
    "",
    "Failing example:",
    "",
    ...fenced(language, example.failing),
    "",
    "Passing example:",
    "",
    ...fenced(language, example.passing),
    "",
  ];
}
