import { strict as assert } from "assert";
import { podSpecPathOf } from "../../../rules/kubernetes/pod-template-path";

const POD = { containers: [{ name: "c", image: "x" }] };

describe("podSpecPathOf", () => {
  const cases: [string, unknown, string | undefined][] = [
    [
      "a pod template (Argo Rollout, Knative Service)",
      { spec: { template: { spec: POD } } },
      "spec.template.spec",
    ],
    [
      "a job template",
      { spec: { jobTemplate: { spec: { template: { spec: POD } } } } },
      "spec.jobTemplate.spec.template.spec",
    ],
    [
      "a KEDA ScaledJob",
      { spec: { jobTargetRef: { template: { spec: POD } } } },
      "spec.jobTargetRef.template.spec",
    ],
    ["a top-level template", { template: { spec: POD } }, "template.spec"],
    ["a pod-like spec", { spec: POD }, "spec"],
    ["no containers list", { spec: { template: { spec: { containers: "x" } } } }, undefined],
    ["a Service", { spec: { ports: [{ port: 80 }] } }, undefined],
    ["not an object", "x", undefined],
  ];
  for (const [what, object, expected] of cases) {
    it(`${what}: ${expected ?? "none"}`, () => {
      assert.equal(podSpecPathOf(object), expected);
    });
  }
});
