import { strict as assert } from "assert";
import { CATALOG } from "../../../rules/catalog";
import { EXAMPLES, exampleOf } from "../../../rules/examples";
import { RuleMetadata } from "../../../rules/rule";
import { dockerfileFindings } from "./dockerfile-findings";
import { dockerResourceFindings, stackFindings } from "./pulumi-findings";
import { imageFindings } from "./image-findings";
import { manifestSetFindings, workloadFindings } from "./kubernetes-findings";

/** The open findings of `rule` on `snippet`, through the evaluation path of its target. */
async function findingsOf(
  rule: RuleMetadata,
  snippet: string,
  settings: Readonly<Record<string, unknown>>,
): Promise<string[]> {
  switch (rule.target) {
    case "kubernetes":
      return workloadFindings(rule.id, snippet, settings);
    case "kubernetes-set":
      return manifestSetFindings(rule.id, snippet, settings);
    case "dockerfile":
      return dockerfileFindings(rule.id, snippet, settings);
    case "docker-resource":
      return dockerResourceFindings(rule.id, snippet);
    case "stack":
      return stackFindings(rule.id, snippet, settings);
    case "image":
      return imageFindings(rule.id, snippet, settings);
  }
}

describe("Rule examples", () => {
  it("exist, failing and passing, for every rule in the catalog and for no other id", () => {
    for (const rule of CATALOG) {
      const example = exampleOf(rule.id);
      assert.ok(example.failing.trim() !== "", `${rule.id}: no failing example`);
      assert.ok(example.passing.trim() !== "", `${rule.id}: no passing example`);
      assert.notEqual(example.failing, example.passing, rule.id);
    }
    assert.deepEqual(
      Object.keys(EXAMPLES).filter((id) => !CATALOG.some((r) => r.id === id)),
      [],
    );
  });

  for (const rule of CATALOG) {
    it(`${rule.id}: the failing example reports it and the passing example does not`, async () => {
      const { failing, passing, settings = {} } = exampleOf(rule.id);
      assert.notDeepEqual(await findingsOf(rule, failing, settings), [], `failing: ${rule.id}`);
      assert.deepEqual(await findingsOf(rule, passing, settings), [], `passing: ${rule.id}`);
    });
  }
});
