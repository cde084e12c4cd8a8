import { strict as assert } from "assert";
import { runAsUser } from "../../../../rules/kubernetes/pss/run-as-user";
import { setPath } from "../../../fixtures/workloads";
import { messages, run, specWith } from "./pss-test-helpers";

describe("run-as-user", () => {
  const cases: [
    name: string,
    pod: unknown,
    app: unknown,
    hostUsers: boolean | undefined,
    version: string,
    expected: [string, string | null][],
  ][] = [
    ["non-zero everywhere", 1000, 1000, undefined, "latest", []],
    ["unset everywhere", undefined, undefined, undefined, "latest", []],
    ["pod 0", 0, 1000, undefined, "latest", [["spec.securityContext.runAsUser", null]]],
    [
      "container 0 under a non-zero pod",
      1000,
      0,
      undefined,
      "latest",
      [["spec.containers[0].securityContext.runAsUser", "app"]],
    ],
    [
      "both 0, each where it is set",
      0,
      0,
      undefined,
      "latest",
      [
        ["spec.securityContext.runAsUser", null],
        ["spec.containers[0].securityContext.runAsUser", "app"],
      ],
    ],
    ["a string is not 0", "0", undefined, undefined, "latest", []],
    [
      "hostUsers: false at v1.34 is not relaxed",
      0,
      undefined,
      false,
      "v1.34",
      [["spec.securityContext.runAsUser", null]],
    ],
    ["hostUsers: false at v1.35 is exempt", 0, 0, false, "v1.35", []],
  ];
  for (const [name, pod, app, hostUsers, version, expected] of cases) {
    it(name, () => {
      const spec = specWith((s) => {
        setPath(s, "securityContext.runAsUser", pod);
        setPath(s, "containers[0].securityContext.runAsUser", app);
        if (hostUsers !== undefined) {
          s.hostUsers = hostUsers;
        }
      });
      assert.deepEqual(run(runAsUser, spec, { version }), expected);
    });
  }

  it("says what was found and what is expected", () => {
    const spec = specWith((s) => setPath(s, "securityContext.runAsUser", 0));
    assert.deepEqual(messages(runAsUser, spec), [
      "runAsUser is 0 at pod level; expected a non-zero UID or unset",
    ]);
  });
});
