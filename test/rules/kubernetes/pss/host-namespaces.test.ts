import { strict as assert } from "assert";
import { hostNamespaces } from "../../../../rules/kubernetes/pss/host-namespaces";
import { messages, run, specWith } from "./pss-test-helpers";

describe("host-namespaces", () => {
  const cases: [name: string, fields: Record<string, unknown>, expected: string[]][] = [
    ["all false", { hostNetwork: false, hostPID: false, hostIPC: false }, []],
    [
      "all true, each reported",
      { hostNetwork: true, hostPID: true, hostIPC: true },
      ["spec.hostNetwork", "spec.hostPID", "spec.hostIPC"],
    ],
    ["only hostPID", { hostPID: true }, ["spec.hostPID"]],
    ["a string is not true", { hostNetwork: "true" }, []],
  ];
  for (const [name, fields, expected] of cases) {
    it(name, () => {
      const spec = specWith((s) => Object.assign(s, fields));
      assert.deepEqual(
        run(hostNamespaces, spec),
        expected.map((p) => [p, null]),
      );
    });
  }

  it("says what was found and what is expected", () => {
    assert.deepEqual(
      messages(
        hostNamespaces,
        specWith((s) => (s.hostIPC = true)),
      ),
      ["hostIPC is true; expected false or unset"],
    );
  });
});
