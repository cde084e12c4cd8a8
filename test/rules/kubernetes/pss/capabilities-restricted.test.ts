import { strict as assert } from "assert";
import { capabilitiesRestricted } from "../../../../rules/kubernetes/pss/capabilities-restricted";
import { setPath } from "../../../fixtures/workloads";
import { messages, run, specWith } from "./pss-test-helpers";

const CAPS = "spec.containers[0].securityContext.capabilities";

describe("capabilities-restricted", () => {
  const cases: [name: string, capabilities: unknown, os: string | undefined, expected: string[]][] =
    [
      ["drop ALL", { drop: ["ALL"] }, undefined, []],
      ["drop ALL among others", { drop: ["NET_RAW", "ALL"] }, undefined, []],
      [
        "drop ALL, add NET_BIND_SERVICE",
        { drop: ["ALL"], add: ["NET_BIND_SERVICE"] },
        undefined,
        [],
      ],
      ["no capabilities", undefined, undefined, [`${CAPS}.drop`]],
      ["drop without ALL", { drop: ["NET_RAW"] }, undefined, [`${CAPS}.drop`]],
      ["ALL is matched exactly, as upstream", { drop: ["all"] }, undefined, [`${CAPS}.drop`]],
      [
        "each forbidden add at its index",
        { drop: ["ALL"], add: ["NET_BIND_SERVICE", "CHOWN", "SYS_ADMIN"] },
        undefined,
        [`${CAPS}.add[1]`, `${CAPS}.add[2]`],
      ],
      [
        "missing drop and a forbidden add, each reported",
        { add: ["NET_RAW"] },
        undefined,
        [`${CAPS}.drop`, `${CAPS}.add[0]`],
      ],
      ["nothing in a Windows pod, exempt from v1.25", undefined, "windows", []],
    ];
  for (const [name, capabilities, os, expected] of cases) {
    it(name, () => {
      const spec = specWith((s) => {
        setPath(s, "containers[0].securityContext.capabilities", capabilities);
        if (os) {
          s.os = { name: os };
        }
      });
      assert.deepEqual(
        run(capabilitiesRestricted, spec, { version: "v1.25" }),
        expected.map((p) => [p, "app"]),
      );
    });
  }

  it("says what was found and what is expected", () => {
    const spec = specWith((s) =>
      setPath(s, "containers[0].securityContext.capabilities", {
        drop: ["NET_RAW"],
        add: ["CHOWN"],
      }),
    );
    assert.deepEqual(messages(capabilitiesRestricted, spec), [
      'capabilities.drop is ["NET_RAW"]; expected a list that includes "ALL"',
      'capabilities.add includes "CHOWN"; expected only NET_BIND_SERVICE',
    ]);
  });
});
