import { strict as assert } from "assert";
import { CATALOG, getRule, isKnownRuleId } from "../../rules/catalog";
import {
  BASELINE_PROFILES,
  HARDENED_PROFILES,
  PROFILES,
  RESTRICTED_PROFILES,
} from "../../rules/profile";
import { hasAnyReference } from "../../rules/references";
import { isRuleId } from "../../rules/rule";
import { SEVERITIES } from "../../rules/severity";

/**
 * Rules every profile has although they are not Pod Security Standards controls: checks of the
 * input itself (a field of the wrong type, an exemption without a reason), not controls.
 */
const ALWAYS_ON = ["field-types", "exemption-reason-required"];

describe("rule catalog", () => {
  it("has unique, stable kebab-case ids", () => {
    const ids = CATALOG.map((r) => r.id);
    assert.deepEqual(
      ids.filter((id) => !isRuleId(id)),
      [],
    );
    assert.deepEqual(
      ids.filter((id, i) => ids.indexOf(id) !== i),
      [],
    );
  });

  for (const rule of CATALOG) {
    it(`${rule.id}: has complete metadata`, () => {
      assert.ok(rule.title.trim().length > 10, "title");
      assert.ok(rule.description.trim().length > 20, "description");
      assert.ok(rule.remediation.trim().length > 10, "remediation");
      assert.ok(SEVERITIES.includes(rule.severity), "severity");
      assert.ok(
        rule.profiles.length > 0 && rule.profiles.every((p) => PROFILES.includes(p)),
        "profiles",
      );
      assert.ok(hasAnyReference(rule.references), "at least one reference");
      const pss = rule.references.pss;
      if (pss) {
        assert.ok(
          pss.control.trim() !== "" && pss.psaCheckId.trim() !== "",
          "PSS control and PSA check id",
        );
        assert.deepEqual(
          rule.profiles,
          pss.level === "baseline" ? BASELINE_PROFILES : RESTRICTED_PROFILES,
        );
      } else if (!ALWAYS_ON.includes(rule.id) && rule.target.startsWith("kubernetes")) {
        assert.deepEqual(
          rule.profiles,
          HARDENED_PROFILES,
          "only Pod Security Standards controls are in baseline and restricted (of the Kubernetes rules; profiles.test.ts has the others)",
        );
      }
    });
  }

  it("puts exactly the Pod Security Standards controls of a level in its profile (Kubernetes rules)", () => {
    const inProfile = (profile: string) =>
      CATALOG.filter(
        (r) =>
          r.target.startsWith("kubernetes") &&
          r.profiles.some((p) => p === profile) &&
          !ALWAYS_ON.includes(r.id),
      ).map((r) => r.id);
    const pssUpTo = (levels: string[]) =>
      CATALOG.filter((r) => r.references.pss && levels.includes(r.references.pss.level)).map(
        (r) => r.id,
      );
    assert.deepEqual(inProfile("baseline"), pssUpTo(["baseline"]));
    assert.deepEqual(inProfile("restricted"), pssUpTo(["baseline", "restricted"]));
  });

  it("looks rules up by id and names an unknown id in the error", () => {
    assert.equal(getRule("privileged").id, "privileged");
    assert.equal(isKnownRuleId("privileged"), true);
    assert.equal(isKnownRuleId("nope"), false);
    assert.throws(() => getRule("nope"), /unknown rule id "nope"/);
  });
});
