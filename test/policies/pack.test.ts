import { strict as assert } from "assert";
import { PolicyConfigSchema } from "@pulumi/policy";
import {
  PACK_NAME,
  UnsupportedRuleError,
  hardenedPackArgs,
  hardenedPolicies,
} from "../../policies/pack";
import { settingsSchema } from "../../policies/settings";
import { CATALOG } from "../../rules/catalog";

/** Rules over built images, which no resource input holds: no policy in the pack. */
const NOT_RESOURCE_RULES = CATALOG.filter((r) => r.target === "image");

describe("hardened-containers pack", () => {
  const policies = hardenedPolicies();

  it("is named hardened-containers, a valid CrossGuard pack name", () => {
    assert.match(PACK_NAME, /^[a-zA-Z0-9-_.]{1,100}$/);
    assert.equal(PACK_NAME, "hardened-containers");
    assert.ok(hardenedPackArgs().description);
  });

  it("has one policy per resource rule of the catalog, named by rule id, in catalog order, then hardened", () => {
    assert.deepEqual(
      policies.map((p) => p.name),
      [...CATALOG.filter((r) => !NOT_RESOURCE_RULES.includes(r)).map((r) => r.id), "hardened"],
    );
    assert.equal(policies.at(-1)?.enforcementLevel, "advisory");
  });

  it("takes description, remediation and severity from the catalog, and links the rule's section of docs/rules.md", () => {
    for (const policy of policies.filter((p) => p.name !== "hardened")) {
      const rule = CATALOG.find((r) => r.id === policy.name);
      assert.ok(rule);
      assert.equal(policy.description, rule.title);
      assert.equal(policy.displayName, rule.title);
      assert.equal(policy.remediationSteps, rule.remediation);
      assert.equal(
        policy.url,
        `https://github.com/pulumi-hardened/pulumi-hardened/blob/main/docs/rules.md#${rule.id}`,
      );
      assert.equal(
        policy.severity,
        { error: "high", warning: "medium", note: "low" }[rule.severity],
      );
    }
  });

  it("makes the Pod Security Standards controls, field-types and image-digest mandatory, the rest advisory", () => {
    const levels = Object.fromEntries(policies.map((p) => [p.name, p.enforcementLevel]));
    for (const rule of CATALOG.filter((r) => levels[r.id] !== undefined)) {
      const expected =
        rule.references.pss || ["field-types", "image-digest"].includes(rule.id)
          ? "mandatory"
          : "advisory";
      assert.equal(levels[rule.id], expected, rule.id);
    }
    assert.equal(levels["privileged"], "mandatory");
    assert.equal(levels["run-as-non-root"], "mandatory");
    assert.equal(levels["image-digest"], "mandatory");
    assert.equal(levels["field-types"], "mandatory");
    assert.equal(levels["read-only-root-filesystem"], "advisory");
    assert.equal(levels["docker-privileged"], "advisory");
  });

  it("gives every policy the shared settings schema, without defaults (they would override the pack section), and known rule ids", () => {
    const expected: PolicyConfigSchema = settingsSchema(CATALOG.map((r) => r.id));
    for (const policy of policies) {
      assert.deepEqual(policy.configSchema, expected, policy.name);
    }
    const props = expected.properties;
    assert.deepEqual(Object.keys(props), [
      "profile",
      "pssVersion",
      "allowedRegistries",
      "minUid",
      "exemptions",
      "allowExemptions",
      "podTemplates",
    ]);
    assert.deepEqual(
      Object.values(props).filter((v) => "default" in v),
      [],
    );
    assert.deepEqual(
      (props.exemptions.items as { properties: { rule: { enum: string[] } } }).properties.rule.enum,
      CATALOG.map((r) => r.id),
    );
    assert.deepEqual((props.exemptions.items as { required?: string[] }).required, [
      "rule",
      "reason",
    ]);
  });

  it("refuses a Docker resource rule it has no adapter for, naming it", () => {
    const rule = CATALOG.find((r) => r.target === "docker-resource");
    assert.ok(rule);
    assert.throws(
      () =>
        hardenedPolicies({
          catalog: [{ ...rule, id: "docker-new-rule", check: undefined } as never],
        }),
      (error: unknown) =>
        error instanceof UnsupportedRuleError &&
        error.message.startsWith(
          'rule "docker-new-rule" (target docker-resource) has no CrossGuard adapter',
        ),
    );
  });

  it("offers remediation exactly for the rules with a safe mechanical fix", () => {
    assert.deepEqual(
      policies.filter((p) => "remediateResource" in p).map((p) => p.name),
      [
        "seccomp-baseline",
        "allow-privilege-escalation",
        "run-as-non-root",
        "seccomp-restricted",
        "capabilities-restricted",
        "read-only-root-filesystem",
        "automount-service-account-token",
      ],
    );
  });
});
