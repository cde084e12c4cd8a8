import { strict as assert } from "assert";
import { readFileSync } from "fs";
import { join } from "path";
import { renderRulesMarkdown } from "../../../cli/output/rules-markdown";
import { renderSarif } from "../../../cli/output/sarif";
import { CATALOG, getRule } from "../../../rules/catalog";
import { EXAMPLE_LANGUAGE } from "../../../rules/example";
import { exampleOf } from "../../../rules/examples";
import { REPOSITORY_URL } from "../../../rules/documentation-url";
import { runCli } from "../../support/run-cli";

const ROOT = join(__dirname, "..", "..", "..");
const DOC = join(ROOT, "docs", "rules.md");

describe("rule documentation from the catalog", () => {
  it("docs/rules.md is what `hardened rules --format markdown` prints (regenerate it when this fails)", () => {
    const run = runCli(["rules", "--format", "markdown"]);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, renderRulesMarkdown(CATALOG));
    assert.equal(readFileSync(DOC, "utf8"), run.stdout);
  });

  it("has one section per rule, headed by its id, with what, why, peers, fix and exemption", () => {
    const doc = readFileSync(DOC, "utf8");
    const headings = doc.split("\n").filter((l) => l.startsWith("## "));
    assert.deepEqual(
      headings,
      CATALOG.map((r) => `## ${r.id}`),
    );
    const section = doc.slice(doc.indexOf("## run-as-non-root\n"), doc.indexOf("## run-as-user\n"));
    const rule = getRule("run-as-non-root");
    for (const part of [
      `**${rule.title}**`,
      `**Why.** ${rule.description}`,
      "- Pod Security Standards (restricted): Running as Non-root (pod-security-admission check `runAsNonRoot`)",
      "- kube-linter: `run-as-non-root`",
      `**How to fix.** ${rule.remediation}`,
      '`hardened.dev/exempt: "run-as-non-root"`',
    ]) {
      assert.ok(section.includes(part), part);
    }
    const dockerfile = doc.slice(doc.indexOf("## dockerfile-final-user\n"));
    assert.ok(dockerfile.includes('`# hardened ignore=dockerfile-final-user reason="…"`'));
  });

  it("shows each rule's failing and passing example, the ones its test runs, in its target's language", () => {
    const doc = readFileSync(DOC, "utf8");
    for (const [i, rule] of CATALOG.entries()) {
      const next = CATALOG[i + 1];
      const section = doc.slice(
        doc.indexOf(`## ${rule.id}\n`),
        next ? doc.indexOf(`## ${next.id}\n`) : undefined,
      );
      const { failing, passing } = exampleOf(rule.id);
      const fence = "```" + EXAMPLE_LANGUAGE[rule.target];
      assert.ok(section.includes(`Failing example:\n\n${fence}\n${failing}\`\`\`\n`), rule.id);
      assert.ok(section.includes(`Passing example:\n\n${fence}\n${passing}\`\`\`\n`), rule.id);
    }
    const registries = doc.slice(doc.indexOf("## allowed-registries\n"));
    assert.ok(registries.includes('with the setting `allowedRegistries: ["ghcr.io/acme"]`'));
  });

  it("SARIF rules carry the full description, help and a helpUri at the rule's section", () => {
    const log = JSON.parse(
      renderSarif(
        {
          command: "check",
          checked: 1,
          findings: [
            {
              ruleId: "run-as-non-root",
              severity: "error",
              message: "m",
              path: "p",
              container: null,
            },
          ],
        },
        "0.1.0",
      ),
    ) as {
      runs: {
        tool: {
          driver: {
            informationUri: string;
            rules: { helpUri: string; fullDescription: { text: string } }[];
          };
        };
      }[];
    };
    const driver = log.runs[0].tool.driver;
    assert.equal(driver.informationUri, "https://github.com/pulumi-hardened/pulumi-hardened");
    assert.equal(
      driver.rules[0].helpUri,
      "https://github.com/pulumi-hardened/pulumi-hardened/blob/main/docs/rules.md#run-as-non-root",
    );
    assert.equal(driver.rules[0].fullDescription.text, getRule("run-as-non-root").description);
  });

  it("package.json names the repository the links point to, and the LICENSE matches its license", () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
      license: string;
      repository: { url: string };
      homepage: string;
      bugs: { url: string };
    };
    assert.equal(pkg.repository.url, `git+${REPOSITORY_URL}.git`);
    assert.equal(pkg.homepage, `${REPOSITORY_URL}#readme`);
    assert.equal(pkg.bugs.url, `${REPOSITORY_URL}/issues`);
    assert.equal(pkg.license, "Apache-2.0");
    const license = readFileSync(join(ROOT, "LICENSE"), "utf8");
    assert.match(license, /^\s+Apache License\n\s+Version 2\.0, January 2004\n/);
    assert.match(license, /END OF TERMS AND CONDITIONS/);
  });
});
