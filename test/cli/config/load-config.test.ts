import { strict as assert } from "assert";
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { cliGovernance, cliRefusalOf } from "../../../cli/config/exemption-governance";
import { loadConfig } from "../../../cli/config/load-config";
import { InputError } from "../../../shared/input-error";

function configFile(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), "hardened-config-")), "hardened.yaml");
  writeFileSync(file, text);
  return file;
}

describe("hardened --config: the settings shared with the policy pack", () => {
  it("reads allowExemptions and wildcard registries", () => {
    const file = configFile(
      "allowedRegistries: ['*.corp.example', ghcr.io/acme]\nallowExemptions:\n  from: [config]\n  rules: {deny: [privileged]}\n  namespaces: [kube-system]\n",
    );
    assert.deepEqual(loadConfig(file), {
      allowedRegistries: ["*.corp.example", "ghcr.io/acme"],
      allowExemptions: {
        from: ["config"],
        rules: { deny: ["privileged"] },
        namespaces: ["kube-system"],
      },
    });
  });

  const invalid: [string, string][] = [
    ["allowedRegistries: ['*']\n", 'allowedRegistries[0]: "*" is not a registry host'],
    ["allowedRegistries: [ghcr.io, corp]\n", 'allowedRegistries[1]: "corp" is not a registry host'],
    [
      "allowExemptions: {rules: {allow: [privilegd]}}\n",
      'allowExemptions.rules.allow: "privilegd" is not a rule id (exact ids, no globs)',
    ],
    [
      "allowExemptions: {from: [helm]}\n",
      ': allowExemptions.from[0]: got "helm"; expected one of "config", "annotations", "args", "pragmas"',
    ],
    [
      "pssVersion: v1.2\n",
      ': pssVersion: got "v1.2"; expected "latest" or v1.25 or later, like "v1.30"',
    ],
    [
      "allowedRegistry: [ghcr.io]\n",
      ': allowedRegistry: unknown setting; expected one of profile, pssVersion, allowedRegistries, minUid, exemptions, allowExemptions, podTemplates; did you mean "allowedRegistries"?',
    ],
    [
      "allowExemptions: {form: [config]}\n",
      ': allowExemptions.form: unknown key; expected one of from, rules, namespaces; did you mean "from"?',
    ],
  ];
  for (const [text, message] of invalid) {
    it(`refuses ${text.trim()}, naming the field`, () => {
      const file = configFile(text);
      assert.throws(
        () => loadConfig(file),
        (error: unknown) =>
          error instanceof InputError &&
          error.message.startsWith(`config ${file}`) &&
          error.message.includes(message),
      );
    });
  }

  it("--no-inline-exemptions honours config exemptions only", () => {
    const governance = cliGovernance({ namespaces: ["a"] }, true);
    assert.deepEqual(governance, { namespaces: ["a"], from: ["config"] });
    const refuse = cliRefusalOf(governance);
    assert.equal(refuse({ ruleId: "privileged", reason: "r", source: "config" }, "b"), undefined);
    assert.equal(
      refuse({ ruleId: "privileged", reason: "r", source: "annotations" }, "a"),
      'exemption of "privileged" from annotations refused: allowExemptions.from is [config]',
    );
  });

  it("the CLI honours inline exemptions of any rule by default; non-mandatory means the pack's default levels", () => {
    const annotation = { ruleId: "privileged", reason: "r", source: "annotations" as const };
    assert.equal(cliRefusalOf(cliGovernance(undefined, false))(annotation, null), undefined);
    assert.match(
      cliRefusalOf({ rules: "non-mandatory" })(annotation, null) ?? "",
      /"privileged" is mandatory/,
    );
    assert.equal(
      cliRefusalOf({ rules: "non-mandatory" })({ ...annotation, ruleId: "liveness-probe" }, null),
      undefined,
    );
  });
});
