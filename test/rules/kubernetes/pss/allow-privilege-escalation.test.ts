import { strict as assert } from "assert";
import { allowPrivilegeEscalation } from "../../../../rules/kubernetes/pss/allow-privilege-escalation";
import { setPath } from "../../../fixtures/workloads";
import { messages, run, setInEveryContainer, specWith } from "./pss-test-helpers";

const FIELD = "securityContext.allowPrivilegeEscalation";

describe("allow-privilege-escalation", () => {
  const cases: [name: string, value: unknown, os: string | undefined, reported: boolean][] = [
    ["false", false, undefined, false],
    ["unset, which means true", undefined, undefined, true],
    ["true", true, undefined, true],
    ["a string is not false", "false", undefined, true],
    ["unset in a Linux pod", undefined, "linux", true],
    ["unset in a Windows pod, exempt from v1.25", undefined, "windows", false],
    ["true in a Windows pod, exempt from v1.25", true, "windows", false],
  ];
  for (const [name, value, os, reported] of cases) {
    it(name, () => {
      const spec = specWith((s) => {
        setInEveryContainer(s, FIELD, value);
        if (os) {
          s.os = { name: os };
        }
      });
      assert.deepEqual(
        run(allowPrivilegeEscalation, spec, { version: "v1.25" }),
        reported
          ? [
              [`spec.initContainers[0].${FIELD}`, "init"],
              [`spec.containers[0].${FIELD}`, "app"],
              [`spec.ephemeralContainers[0].${FIELD}`, "debug"],
            ]
          : [],
      );
    });
  }

  it("ignores a pod-level value, which the API does not have", () => {
    const spec = specWith((s) => {
      setPath(s, "securityContext.allowPrivilegeEscalation", false);
      setPath(s, `containers[0].${FIELD}`, undefined);
    });
    assert.deepEqual(run(allowPrivilegeEscalation, spec), [[`spec.containers[0].${FIELD}`, "app"]]);
  });

  it("says that unset means true", () => {
    const spec = specWith((s) => setPath(s, `containers[0].${FIELD}`, undefined));
    assert.deepEqual(messages(allowPrivilegeEscalation, spec), [
      "allowPrivilegeEscalation is unset (which means true); expected false",
    ]);
  });
});
