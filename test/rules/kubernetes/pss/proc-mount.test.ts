import { strict as assert } from "assert";
import { procMount } from "../../../../rules/kubernetes/pss/proc-mount";
import { procMountRestricted } from "../../../../rules/kubernetes/pss/proc-mount-restricted";
import { setPath } from "../../../fixtures/workloads";
import { messages, run, specWith } from "./pss-test-helpers";

const PATH = "spec.containers[0].securityContext.procMount";

function spec(value: unknown, hostUsers?: boolean) {
  return specWith((s) => {
    setPath(s, "containers[0].securityContext.procMount", value);
    if (hostUsers !== undefined) {
      s.hostUsers = hostUsers;
    }
  });
}

describe("proc-mount and proc-mount-restricted", () => {
  const cases: [
    name: string,
    value: unknown,
    hostUsers: boolean | undefined,
    version: string,
    baseline: boolean,
    restricted: boolean,
  ][] = [
    ["Default", "Default", undefined, "latest", false, false],
    ["unset", undefined, undefined, "latest", false, false],
    ["Unmasked at v1.25", "Unmasked", undefined, "v1.25", true, false],
    ["Unmasked at v1.34", "Unmasked", undefined, "v1.34", true, false],
    ["Unmasked at v1.35", "Unmasked", undefined, "v1.35", true, true],
    ["Unmasked at latest", "Unmasked", undefined, "latest", true, true],
    ["Unmasked with hostUsers: true at latest", "Unmasked", true, "latest", true, true],
    ["Unmasked with hostUsers: false at v1.34", "Unmasked", false, "v1.34", true, false],
    ["Unmasked with hostUsers: false at v1.35", "Unmasked", false, "v1.35", false, true],
    ["Unmasked with hostUsers: false at latest", "Unmasked", false, "latest", false, true],
  ];
  for (const [name, value, hostUsers, version, baseline, restricted] of cases) {
    it(name, () => {
      assert.deepEqual(
        run(procMount, spec(value, hostUsers), { version }),
        baseline ? [[PATH, "app"]] : [],
        "proc-mount",
      );
      assert.deepEqual(
        run(procMountRestricted, spec(value, hostUsers), { version }),
        restricted ? [[PATH, "app"]] : [],
        "proc-mount-restricted",
      );
    });
  }

  it("says what was found and what is expected", () => {
    assert.deepEqual(messages(procMount, spec("Unmasked")), [
      'procMount is "Unmasked"; expected "Default" or unset',
    ]);
  });
});
