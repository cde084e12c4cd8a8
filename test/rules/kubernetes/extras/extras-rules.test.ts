import { strict as assert } from "assert";
import { HARDENED_PROFILES } from "../../../../rules/profile";
import { hasAnyReference } from "../../../../rules/references";
import { isRuleId } from "../../../../rules/rule";
import { HARDENED_EXTRA_RULES } from "../../../../rules/kubernetes/extras";
import { KUBERNETES_RULES } from "../../../../rules/kubernetes/rules";

/** Every hardened extra and its severity, as specified. */
const EXPECTED: readonly [id: string, severity: "error" | "warning" | "note"][] = [
  ["read-only-root-filesystem", "error"],
  ["run-as-group", "error"],
  ["high-uid", "warning"],
  ["drop-net-raw", "error"],
  ["dangerous-capabilities", "error"],
  ["image-digest", "error"],
  ["image-tag", "warning"],
  ["allowed-registries", "error"],
  ["automount-service-account-token", "error"],
  ["default-service-account", "error"],
  ["resource-requests", "error"],
  ["memory-limit", "error"],
  ["liveness-probe", "warning"],
  ["readiness-probe", "warning"],
  ["container-runtime-socket", "error"],
  ["sensitive-host-path", "error"],
  ["host-path-writable", "warning"],
  ["container-ssh-port", "error"],
  ["container-privileged-port", "warning"],
  ["env-secret-literal", "error"],
  ["env-secret-ref", "note"],
  ["empty-dir-size-limit", "error"],
  ["default-namespace", "warning"],
  ["bare-pod", "warning"],
];

describe("HARDENED_EXTRA_RULES", () => {
  it("has exactly the specified rules and severities", () => {
    assert.deepEqual(
      HARDENED_EXTRA_RULES.map((r) => [r.id, r.severity]),
      EXPECTED,
    );
  });

  for (const rule of HARDENED_EXTRA_RULES) {
    it(`${rule.id} is complete: hardened profile, references, remediation, a check`, () => {
      assert.ok(isRuleId(rule.id));
      assert.deepEqual(rule.profiles, HARDENED_PROFILES);
      assert.equal(rule.target, "kubernetes");
      assert.equal(rule.references.pss, undefined, "an extra is not a PSS control");
      assert.ok(hasAnyReference(rule.references));
      assert.ok(
        rule.title.length > 0 && rule.description.length > 0 && rule.remediation.length > 0,
      );
      assert.ok(rule.checkPod !== undefined || rule.checkContainer !== undefined);
    });
  }

  it("names only existing, other rules in coveredBy and covers", () => {
    const ids = new Set(KUBERNETES_RULES.map((r) => r.id));
    for (const rule of HARDENED_EXTRA_RULES) {
      for (const id of [...(rule.coveredBy ?? []), ...(rule.covers ?? [])]) {
        assert.ok(ids.has(id) && id !== rule.id, `${rule.id} names unknown rule ${id}`);
      }
    }
  });

  it("never lets two rules cover each other", () => {
    const byId = new Map(KUBERNETES_RULES.map((r) => [r.id, r]));
    const covering = (weaker: string, stronger: string) =>
      (byId.get(weaker)?.coveredBy ?? []).includes(stronger) ||
      (byId.get(stronger)?.covers ?? []).includes(weaker);
    for (const a of KUBERNETES_RULES) {
      for (const b of KUBERNETES_RULES) {
        assert.ok(!(covering(a.id, b.id) && covering(b.id, a.id)), `${a.id} and ${b.id}`);
      }
    }
  });
});
