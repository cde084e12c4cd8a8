import { strict as assert } from "assert";
import { seccompBaseline } from "../../../../rules/kubernetes/pss/seccomp-baseline";
import { setPath } from "../../../fixtures/workloads";
import { messages, run, setInEveryContainer, specWith } from "./pss-test-helpers";

describe("seccomp-baseline", () => {
  const cases: [name: string, pod: unknown, app: unknown, expected: [string, string | null][]][] = [
    ["unset everywhere is allowed at baseline", undefined, undefined, []],
    ["Localhost", { type: "Localhost", localhostProfile: "p.json" }, undefined, []],
    [
      "pod Unconfined, reported once at the pod",
      { type: "Unconfined" },
      undefined,
      [["spec.securityContext.seccompProfile.type", null]],
    ],
    [
      "container Unconfined under a RuntimeDefault pod",
      { type: "RuntimeDefault" },
      { type: "Unconfined" },
      [["spec.containers[0].securityContext.seccompProfile.type", "app"]],
    ],
    [
      "a profile without a type, as upstream",
      {},
      undefined,
      [["spec.securityContext.seccompProfile.type", null]],
    ],
  ];
  for (const [name, pod, app, expected] of cases) {
    it(name, () => {
      const spec = specWith((s) => {
        setInEveryContainer(s, "securityContext.seccompProfile", undefined);
        setPath(s, "securityContext.seccompProfile", pod);
        setPath(s, "containers[0].securityContext.seccompProfile", app);
      });
      assert.deepEqual(run(seccompBaseline, spec), expected);
    });
  }

  it("says what was found and what is expected", () => {
    const spec = specWith((s) =>
      setPath(s, "securityContext.seccompProfile", { type: "Unconfined" }),
    );
    assert.deepEqual(messages(seccompBaseline, spec), [
      'seccompProfile.type is "Unconfined"; expected RuntimeDefault or Localhost',
    ]);
  });
});
