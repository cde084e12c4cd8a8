import { strict as assert } from "assert";
import { seccompRestricted } from "../../../../rules/kubernetes/pss/seccomp-restricted";
import { setPath } from "../../../fixtures/workloads";
import { CONTAINERS, messages, run, setInEveryContainer, specWith } from "./pss-test-helpers";

const POD = "spec.securityContext.seccompProfile.type";
const APP = "spec.containers[0].securityContext.seccompProfile.type";
const EVERY_CONTAINER: [string, string | null][] = CONTAINERS.map(([list, name]) => [
  `spec.${list}[0].securityContext.seccompProfile.type`,
  name,
]);
const RUNTIME_DEFAULT = { type: "RuntimeDefault" };
const UNCONFINED = { type: "Unconfined" };

describe("seccomp-restricted", () => {
  const cases: [
    name: string,
    pod: unknown,
    containers: unknown,
    app: unknown,
    os: string | undefined,
    expected: [string, string | null][],
  ][] = [
    ["pod RuntimeDefault, containers unset", RUNTIME_DEFAULT, undefined, undefined, undefined, []],
    [
      "pod unset, containers Localhost",
      undefined,
      { type: "Localhost", localhostProfile: "p.json" },
      { type: "Localhost", localhostProfile: "p.json" },
      undefined,
      [],
    ],
    [
      "unset everywhere: each container at its own field",
      undefined,
      undefined,
      undefined,
      undefined,
      EVERY_CONTAINER,
    ],
    [
      "pod Unconfined, containers unset: reported once, at the pod",
      UNCONFINED,
      undefined,
      undefined,
      undefined,
      [[POD, null]],
    ],
    [
      "pod Unconfined, containers RuntimeDefault: the pod's value still fails",
      UNCONFINED,
      RUNTIME_DEFAULT,
      RUNTIME_DEFAULT,
      undefined,
      [[POD, null]],
    ],
    [
      "pod RuntimeDefault, one container Unconfined",
      RUNTIME_DEFAULT,
      undefined,
      UNCONFINED,
      undefined,
      [[APP, "app"]],
    ],
    ["a pod profile without a type", {}, undefined, undefined, undefined, [[POD, null]]],
    [
      "unset everywhere in a Windows pod, exempt from v1.25",
      undefined,
      undefined,
      undefined,
      "windows",
      [],
    ],
    [
      "Unconfined in a Windows pod, exempt from v1.25",
      UNCONFINED,
      undefined,
      UNCONFINED,
      "windows",
      [],
    ],
  ];
  for (const [name, pod, containers, app, os, expected] of cases) {
    it(name, () => {
      const spec = specWith((s) => {
        setPath(s, "securityContext.seccompProfile", pod);
        setInEveryContainer(s, "securityContext.seccompProfile", containers);
        setPath(s, "containers[0].securityContext.seccompProfile", app);
        if (os) {
          s.os = { name: os };
        }
      });
      assert.deepEqual(run(seccompRestricted, spec, { version: "v1.25" }), expected);
    });
  }

  it("says what was found and what is expected", () => {
    const spec = specWith((s) => {
      setPath(s, "securityContext.seccompProfile", undefined);
      setInEveryContainer(s, "securityContext.seccompProfile", undefined);
    });
    assert.equal(
      messages(seccompRestricted, spec)[0],
      "seccompProfile is unset and the pod sets no default; expected RuntimeDefault or Localhost (set at container level or as the pod default)",
    );
  });
});
