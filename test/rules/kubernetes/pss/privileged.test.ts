import { strict as assert } from "assert";
import { privileged } from "../../../../rules/kubernetes/pss/privileged";
import { setPath } from "../../../fixtures/workloads";
import { messages, run, specWith } from "./pss-test-helpers";

describe("privileged", () => {
  const cases: [name: string, value: unknown, expected: number][] = [
    ["true", true, 1],
    ["false", false, 0],
    ["unset", undefined, 0],
    ["a string is not true", "true", 0],
  ];
  for (const [name, value, expected] of cases) {
    it(`privileged ${name}`, () => {
      const spec = specWith((s) => setPath(s, "containers[0].securityContext.privileged", value));
      assert.equal(run(privileged, spec).length, expected);
    });
  }

  it("reads a container without securityContext as unprivileged", () => {
    const spec = specWith((s) => setPath(s, "containers[0].securityContext", undefined));
    assert.deepEqual(run(privileged, spec), []);
  });

  it("says what was found and what is expected", () => {
    const spec = specWith((s) => setPath(s, "initContainers[0].securityContext.privileged", true));
    assert.deepEqual(messages(privileged, spec), ["privileged is true; expected false or unset"]);
  });
});
