import { strict as assert } from "assert";
import Ajv from "ajv";
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { loadConfig } from "../../../cli/config/load-config";
import { PolicyConfigError, readSettings, settingsSchema } from "../../../policies/settings";
import { CATALOG } from "../../../rules/catalog";
import { parsePssVersion } from "../../../rules/kubernetes/pss-version";
import { SETTING_NAMES, SettingName } from "../../../rules/settings/read-settings";
import { InputError } from "../../../shared/input-error";

/**
 * Values of every shared setting, each accepted or refused. `semantic` marks a value the JSON
 * schema cannot refuse (a registry entry that can never match, a pod template path, a rule id in
 * a governance list): the engine lets it through and the pack refuses it when it reads it.
 */
const CASES: Record<SettingName, { value: unknown; ok: boolean; semantic?: boolean }[]> = {
  profile: [
    { value: "baseline", ok: true },
    { value: "restricted", ok: true },
    { value: "hardened", ok: true },
    { value: "strict", ok: false },
    { value: "Hardened", ok: false },
    { value: ["hardened"], ok: false },
    { value: 1, ok: false },
    { value: null, ok: false },
  ],
  pssVersion: [
    { value: "latest", ok: true },
    { value: "v1.25", ok: true },
    { value: "v1.30", ok: true },
    { value: "v1.99", ok: true },
    { value: "v1.100", ok: true },
    { value: "v1.1234", ok: true },
    { value: "v1.24", ok: false },
    { value: "v1.2", ok: false },
    { value: "v1.0", ok: false },
    { value: "v1.025", ok: false },
    { value: "v1.030", ok: false },
    { value: "v1.0100", ok: false },
    { value: "v1.30 ", ok: false },
    { value: " v1.30", ok: false },
    { value: "v1.30\n", ok: false },
    { value: "V1.30", ok: false },
    { value: "1.30", ok: false },
    { value: "v2.0", ok: false },
    { value: "v1.", ok: false },
    { value: "Latest", ok: false },
    { value: "", ok: false },
    { value: ["latest"], ok: false },
    { value: 1.3, ok: false },
  ],
  allowedRegistries: [
    { value: [], ok: true },
    { value: ["ghcr.io", "ghcr.io/acme", "127.0.0.1:5000", "*.corp.example"], ok: true },
    { value: "ghcr.io", ok: false },
    { value: [""], ok: false },
    { value: [1], ok: false },
    { value: ["*"], ok: false, semantic: true },
    { value: ["*.com"], ok: false, semantic: true },
    { value: ["corp"], ok: false, semantic: true },
  ],
  minUid: [
    { value: 1, ok: true },
    { value: 10000, ok: true },
    { value: 0, ok: false },
    { value: -5, ok: false },
    { value: 1.5, ok: false },
    { value: "1000", ok: false },
    { value: null, ok: false },
  ],
  exemptions: [
    { value: [], ok: true },
    { value: [{ rule: "privileged", reason: "CNI agent" }], ok: true },
    {
      value: [
        {
          rule: "privileged",
          reason: "r",
          container: "c",
          kind: "Deploy*",
          name: "web",
          namespace: "ops",
        },
      ],
      ok: true,
    },
    { value: [{ rule: "privileged" }], ok: false },
    { value: [{ rule: "privileged", reason: " \t" }], ok: false },
    { value: [{ rule: "privileged", reason: "" }], ok: false },
    { value: [{ rule: "no-such-rule", reason: "r" }], ok: false },
    { value: [{ rule: "privileged", reason: "r", name: "" }], ok: false },
    { value: [{ rule: "privileged", reason: "r", names: "web" }], ok: false },
    { value: [{ rule: "privileged", reason: 5 }], ok: false },
    { value: ["privileged"], ok: false },
    { value: { rule: "privileged", reason: "r" }, ok: false },
  ],
  allowExemptions: [
    { value: {}, ok: true },
    { value: { from: ["config"], rules: "any", namespaces: ["ops"] }, ok: true },
    { value: { rules: "non-mandatory" }, ok: true },
    { value: { rules: { allow: ["privileged"] } }, ok: true },
    { value: { rules: { deny: ["privileged", "run-as-non-root"] } }, ok: true },
    { value: { from: "config" }, ok: false },
    { value: { from: ["helm"] }, ok: false },
    { value: { from: ["config", "config"] }, ok: false },
    { value: { form: ["config"] }, ok: false },
    { value: { rules: "all" }, ok: false },
    { value: { rules: { allow: ["privileged"], deny: ["run-as-non-root"] } }, ok: false },
    { value: { rules: { allow: [""] } }, ok: false },
    { value: { rules: { allow: ["host-*"] } }, ok: false, semantic: true },
    { value: { namespaces: [""] }, ok: false },
    { value: ["config"], ok: false },
  ],
  podTemplates: [
    { value: [], ok: true },
    { value: [{ apiVersion: "example.com/*", kind: "Widget", path: "spec.template" }], ok: true },
    { value: [{ apiVersion: "example.com/v1", kind: "Widget" }], ok: false },
    { value: [{ apiVersion: "example.com/v1", kind: "Widget", path: "" }], ok: false },
    {
      value: [{ apiVersion: "example.com/v1", kind: "Widget", path: "spec", extra: 1 }],
      ok: false,
    },
    {
      value: [{ apiVersion: "example.com/v1", kind: "Widget", path: "spec..x" }],
      ok: false,
      semantic: true,
    },
    {
      value: [{ apiVersion: "Example.com", kind: "Widget", path: "spec" }],
      ok: false,
      semantic: true,
    },
    { value: { apiVersion: "example.com/v1", kind: "Widget", path: "spec" }, ok: false },
  ],
};

const dir = mkdtempSync(join(tmpdir(), "hardened-settings-"));
let files = 0;

/** The CLI's verdict: undefined when `loadConfig` accepts the file, else its message. */
function cli(name: string, value: unknown): string | undefined {
  const file = join(dir, `config-${files++}.yaml`);
  writeFileSync(file, JSON.stringify({ [name]: value }));
  try {
    loadConfig(file);
    return undefined;
  } catch (error) {
    assert.ok(error instanceof InputError, String(error));
    return error.message;
  }
}

/** The pack's verdict: undefined when a policy accepts the setting, else the message. */
function pack(name: string, value: unknown): string | undefined {
  try {
    readSettings("privileged", { [name]: value });
    return undefined;
  } catch (error) {
    assert.ok(error instanceof PolicyConfigError, String(error));
    return error.message;
  }
}

const schema = settingsSchema(CATALOG.map((r) => r.id));
const ajv = new Ajv({ strict: false, allErrors: true });

/** The engine's verdict: whether the schema the pack publishes accepts the setting. */
function engineAccepts(name: string, value: unknown): boolean {
  const property = (schema.properties as Record<string, object>)[name];
  return ajv.validate({ type: "object", properties: { [name]: property } }, { [name]: value });
}

describe("one settings schema and parser for the CLI config and the policy pack", () => {
  it("covers every setting", () => {
    assert.deepEqual(Object.keys(CASES).sort(), [...SETTING_NAMES].sort());
  });

  for (const [name, cases] of Object.entries(CASES)) {
    for (const { value, ok, semantic } of cases) {
      it(`${name}: ${JSON.stringify(value)} is ${ok ? "accepted" : "refused"} by the CLI, the pack and the published schema alike`, () => {
        const byCli = cli(name, value);
        const byPack = pack(name, value);
        assert.equal(byCli === undefined, ok, `CLI: ${byCli}`);
        assert.equal(byPack === undefined, ok, `pack: ${byPack}`);
        assert.equal(engineAccepts(name, value), ok || semantic === true, "published schema");
        if (!ok) {
          // Both name where the value came from, the setting (as the same field path) and the
          // same problem: what was given and what is allowed.
          const field = new RegExp(
            `^config ${dir.replace(/[/\\.]/g, "\\$&")}/config-\\d+\\.yaml: (${name}[^:]*): (.+)$`,
          ).exec(byCli ?? "");
          assert.ok(field, `CLI message: ${byCli}`);
          // The pack's exemptions may also select by `urn`, which its list of keys names.
          assert.equal(
            byPack?.replace(", urn;", ";"),
            `policy pack hardened-containers, policy "privileged", config "${field[1]}": ${field[2]}`,
          );
          assert.match(field[2], /expected|is not/);
        }
      });
    }
  }

  it("pssVersion: the published pattern and the parser agree on every minor, with and without leading zeros", () => {
    const pattern = (schema.properties as Record<string, { pattern: string }>).pssVersion.pattern;
    for (let minor = 0; minor <= 1200; minor++) {
      for (const value of [`v1.${minor}`, `v1.0${minor}`]) {
        let parsed = true;
        try {
          parsePssVersion(value);
        } catch {
          parsed = false;
        }
        assert.equal(new RegExp(pattern).test(value), parsed, value);
        assert.equal(parsed, value === `v1.${minor}` && minor >= 25, value);
      }
    }
  });
});
