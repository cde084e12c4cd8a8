import { strict as assert } from "assert";
import { UnsupportedRuleError, hardenedPolicies } from "../../policies/pack";
import { CATALOG } from "../../rules/catalog";
import { builtImageByDigest } from "../../rules/docker-resource";
import { STACK_RULES } from "../../rules/stack-rules";

describe("stack rules", () => {
  it("are their own target, in the catalog after the Docker resource rules", () => {
    assert.deepEqual(
      STACK_RULES.map((r) => [r.id, r.target]),
      [["built-image-by-digest", "stack"]],
    );
    assert.deepEqual(
      CATALOG.filter((r) => r.target === "stack").map((r) => r.id),
      ["built-image-by-digest"],
    );
    assert.equal(CATALOG[CATALOG.length - 1], builtImageByDigest);
  });

  it("become the pack's stack policies, selected by target", () => {
    assert.deepEqual(
      hardenedPolicies({ targets: ["stack"] }).map((p) => p.name),
      ["built-image-by-digest", "hardened"],
    );
    assert.deepEqual(
      hardenedPolicies({ targets: ["docker-resource"] })
        .map((p) => p.name)
        .filter((name) => name === "built-image-by-digest"),
      [],
    );
  });

  it("are refused, naming the rule, when the pack has no stack policy for them", () => {
    assert.throws(
      () => hardenedPolicies({ catalog: [{ ...builtImageByDigest, id: "stack-new-rule" }] }),
      (error: unknown) =>
        error instanceof UnsupportedRuleError &&
        error.message.startsWith(
          'rule "stack-new-rule" (target stack) has no CrossGuard adapter',
        ) &&
        error.message.endsWith("(built-image-by-digest)"),
    );
  });
});
