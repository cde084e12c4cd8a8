import { strict as assert } from "assert";
import { capabilitiesBaseline } from "../../../../rules/kubernetes/pss/capabilities-baseline";
import { setPath } from "../../../fixtures/workloads";
import { messages, run, specWith } from "./pss-test-helpers";

const ADD = "spec.containers[0].securityContext.capabilities.add";

describe("capabilities-baseline", () => {
  const cases: [name: string, capabilities: unknown, expected: string[]][] = [
    ["no add", { drop: ["ALL"] }, []],
    [
      "every capability of the baseline set",
      {
        add: [
          "AUDIT_WRITE",
          "CHOWN",
          "DAC_OVERRIDE",
          "FOWNER",
          "FSETID",
          "KILL",
          "MKNOD",
          "NET_BIND_SERVICE",
          "SETFCAP",
          "SETGID",
          "SETPCAP",
          "SETUID",
          "SYS_CHROOT",
        ],
      },
      [],
    ],
    [
      "each forbidden capability at its index",
      { add: ["CHOWN", "SYS_ADMIN", "NET_RAW"] },
      [`${ADD}[1]`, `${ADD}[2]`],
    ],
    ["names are case-sensitive, as upstream", { add: ["chown"] }, [`${ADD}[0]`]],
    ["ALL is not in the set", { add: ["ALL"] }, [`${ADD}[0]`]],
    ["add that is not a list is read as unset", { add: "NET_RAW" }, []],
  ];
  for (const [name, capabilities, expected] of cases) {
    it(name, () => {
      const spec = specWith((s) =>
        setPath(s, "containers[0].securityContext.capabilities", capabilities),
      );
      assert.deepEqual(
        run(capabilitiesBaseline, spec),
        expected.map((p) => [p, "app"]),
      );
    });
  }

  it("says which capability was added", () => {
    const spec = specWith((s) =>
      setPath(s, "containers[0].securityContext.capabilities.add", ["NET_RAW"]),
    );
    assert.match(
      messages(capabilitiesBaseline, spec)[0],
      /^capabilities\.add includes "NET_RAW"; expected only capabilities from the baseline set \(AUDIT_WRITE, /,
    );
  });
});
