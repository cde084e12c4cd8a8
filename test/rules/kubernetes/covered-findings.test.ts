import { strict as assert } from "assert";
import { Finding } from "../../../rules/finding";
import {
  dropCoveredFindings,
  isSameOrNestedPath,
} from "../../../rules/kubernetes/covered-findings";
import { KubernetesRule } from "../../../rules/kubernetes/kubernetes-rule";

describe("isSameOrNestedPath", () => {
  const cases: readonly [a: string, b: string, related: boolean][] = [
    ["spec.volumes[1].hostPath", "spec.volumes[1].hostPath", true],
    ["spec.volumes[1].hostPath", "spec.volumes[1].hostPath.path", true],
    ["spec.volumes[1].hostPath.path", "spec.volumes[1]", true],
    ["spec.volumes[1]", "spec.volumes[10]", false],
    ["spec.volumes[1].hostPath", "spec.volumes[1].hostPathX", false],
    ["a.b", "a.c", false],
  ];
  for (const [a, b, related] of cases) {
    it(`${a} and ${b}: ${related ? "related" : "unrelated"}`, () => {
      assert.equal(isSameOrNestedPath(a, b), related);
    });
  }
});

describe("dropCoveredFindings", () => {
  const rule = (id: string, coveredBy?: readonly string[]): KubernetesRule => ({
    id,
    title: id,
    description: id,
    severity: "error",
    profiles: ["hardened"],
    target: "kubernetes",
    references: { docs: ["https://example.com"] },
    remediation: id,
    ...(coveredBy ? { coveredBy } : {}),
  });
  const RULES = [rule("strong"), rule("weak", ["strong"])];
  const SPECIFIC: KubernetesRule = { ...rule("specific"), covers: ["broad"] };
  const finding = (ruleId: string, path: string, container: string | null, exempted = false) =>
    ({
      ruleId,
      severity: "error",
      message: "m",
      path,
      container,
      ...(exempted ? { exempted } : {}),
    }) as Finding;

  const cases: readonly [title: string, findings: Finding[], kept: string[]][] = [
    [
      "drops the weak finding at the same path",
      [finding("strong", "x.add[0]", "app"), finding("weak", "x.add[0]", "app")],
      ["strong"],
    ],
    [
      "drops the weak finding nested in the strong one's path",
      [finding("strong", "v[1].hostPath", null), finding("weak", "v[1].hostPath.path", null)],
      ["strong"],
    ],
    [
      "keeps it for another container",
      [finding("strong", "x", "init"), finding("weak", "x", "app")],
      ["strong", "weak"],
    ],
    [
      "keeps it at an unrelated path",
      [finding("strong", "v[1].hostPath", null), finding("weak", "v[2].hostPath.path", null)],
      ["strong", "weak"],
    ],
    [
      "keeps it when the strong finding is exempted",
      [finding("strong", "x", "app", true), finding("weak", "x", "app")],
      ["strong", "weak"],
    ],
    ["keeps it alone", [finding("weak", "x", "app")], ["weak"]],
    [
      "never drops the strong finding",
      [finding("weak", "x", "app"), finding("strong", "x", "app")],
      ["strong"],
    ],
  ];
  for (const [title, findings, kept] of cases) {
    it(title, () => {
      assert.deepEqual(
        dropCoveredFindings(findings, RULES).map((f) => f.ruleId),
        kept,
      );
    });
  }

  const replacing: readonly [title: string, findings: Finding[], kept: string[]][] = [
    [
      "a rule that covers another replaces its finding at a related path",
      [finding("broad", "v[1].hostPath", null), finding("specific", "v[1].hostPath.path", null)],
      ["specific"],
    ],
    [
      "but not at an unrelated one",
      [finding("broad", "v[2].hostPath", null), finding("specific", "v[1].hostPath.path", null)],
      ["broad", "specific"],
    ],
    [
      "and not when its own finding is exempted",
      [
        finding("broad", "v[1].hostPath", null),
        finding("specific", "v[1].hostPath.path", null, true),
      ],
      ["broad", "specific"],
    ],
  ];
  for (const [title, findings, kept] of replacing) {
    it(title, () => {
      assert.deepEqual(
        dropCoveredFindings(findings, [rule("broad"), SPECIFIC]).map((f) => f.ruleId),
        kept,
      );
    });
  }

  it("ignores coverage by a rule that was not evaluated", () => {
    const findings = [finding("strong", "x", "app"), finding("weak", "x", "app")];
    assert.deepEqual(
      dropCoveredFindings(findings, [rule("weak")]).map((f) => f.ruleId),
      ["strong", "weak"],
    );
  });
});
