import { strict as assert } from "assert";
import { evaluateWorkload } from "../../../../rules/kubernetes/evaluate";
import { dangerousCapabilities } from "../../../../rules/kubernetes/extras/dangerous-capabilities";
import { dropNetRaw } from "../../../../rules/kubernetes/extras/drop-net-raw";
import { highUid } from "../../../../rules/kubernetes/extras/high-uid";
import { readOnlyRootFilesystem } from "../../../../rules/kubernetes/extras/read-only-root-filesystem";
import { runAsGroup } from "../../../../rules/kubernetes/extras/run-as-group";
import { Found, messagesOf, podWith, runRule } from "./run";

const POD = "spec.securityContext";
const APP = "spec.containers[0].securityContext";
const INIT = "spec.initContainers[0].securityContext";
const DEBUG = "spec.ephemeralContainers[0].securityContext";

/** Removes a setting from the pod and from every container, so a case can set only what it needs. */
function everywhere(field: string, value: unknown): Record<string, unknown> {
  return {
    [`securityContext.${field}`]: value,
    [`initContainers[0].securityContext.${field}`]: value,
    [`containers[0].securityContext.${field}`]: value,
    [`ephemeralContainers[0].securityContext.${field}`]: value,
  };
}

describe("run-as-group", () => {
  const cases: readonly [title: string, changes: Record<string, unknown>, expected: Found[]][] = [
    ["set everywhere", {}, []],
    [
      "inherited from the pod",
      { ...everywhere("runAsGroup", undefined), "securityContext.runAsGroup": 3000 },
      [],
    ],
    [
      "pod 0 inherited by every container: once, at the pod",
      { ...everywhere("runAsGroup", undefined), "securityContext.runAsGroup": 0 },
      [["run-as-group", `${POD}.runAsGroup`, null]],
    ],
    [
      "pod 0 overridden by every container: still reported at the pod",
      { "securityContext.runAsGroup": 0 },
      [["run-as-group", `${POD}.runAsGroup`, null]],
    ],
    [
      "container 0 over a good pod value",
      { "containers[0].securityContext.runAsGroup": 0 },
      [["run-as-group", `${APP}.runAsGroup`, "app"]],
    ],
    [
      "unset everywhere: each container at its own field",
      everywhere("runAsGroup", undefined),
      [
        ["run-as-group", `${INIT}.runAsGroup`, "init"],
        ["run-as-group", `${APP}.runAsGroup`, "app"],
        ["run-as-group", `${DEBUG}.runAsGroup`, "debug"],
      ],
    ],
    [
      "a string is not a group ID",
      { ...everywhere("runAsGroup", undefined), "containers[0].securityContext.runAsGroup": "1" },
      [
        ["run-as-group", `${INIT}.runAsGroup`, "init"],
        ["run-as-group", `${APP}.runAsGroup`, "app"],
        ["run-as-group", `${DEBUG}.runAsGroup`, "debug"],
      ],
    ],
    ["Windows pod", { ...everywhere("runAsGroup", undefined), "os.name": "windows" }, []],
    [
      "fsGroup 0 puts every container in the root group: reported at the pod's fsGroup",
      { "securityContext.fsGroup": 0 },
      [["run-as-group", `${POD}.fsGroup`, null]],
    ],
    [
      "supplementalGroups containing 0: reported at that element",
      { "securityContext.supplementalGroups": [1000, 0, 2000] },
      [["run-as-group", `${POD}.supplementalGroups[1]`, null]],
    ],
    [
      "non-zero fsGroup and supplementalGroups pass",
      { "securityContext.fsGroup": 2000, "securityContext.supplementalGroups": [1000, 2000] },
      [],
    ],
  ];
  for (const [title, changes, expected] of cases) {
    it(title, () => assert.deepEqual(runRule(runAsGroup, podWith(changes)), expected));
  }
});

describe("high-uid", () => {
  const cases: readonly [
    title: string,
    changes: Record<string, unknown>,
    expected: Found[],
    minUid?: number,
  ][] = [
    ["65532 everywhere", {}, []],
    [
      "a low container UID",
      { "containers[0].securityContext.runAsUser": 1000 },
      [["high-uid", `${APP}.runAsUser`, "app"]],
    ],
    [
      "a low pod GID inherited by all: once, at the pod",
      { ...everywhere("runAsGroup", undefined), "securityContext.runAsGroup": 1000 },
      [["high-uid", `${POD}.runAsGroup`, null]],
    ],
    [
      "both fields low in one container",
      {
        "initContainers[0].securityContext.runAsUser": 10,
        "initContainers[0].securityContext.runAsGroup": 20,
      },
      [
        ["high-uid", `${INIT}.runAsUser`, "init"],
        ["high-uid", `${INIT}.runAsGroup`, "init"],
      ],
    ],
    ["exactly the minimum", { "containers[0].securityContext.runAsUser": 10000 }, []],
    ["0 is run-as-user's business", { "containers[0].securityContext.runAsUser": 0 }, []],
    ["unset is not judged", everywhere("runAsUser", undefined), []],
    [
      "a configured minimum",
      { "containers[0].securityContext.runAsUser": 999 },
      [["high-uid", `${APP}.runAsUser`, "app"]],
      1000,
    ],
    ["user namespaces", { hostUsers: false, "containers[0].securityContext.runAsUser": 1000 }, []],
    ["Windows pod", { "os.name": "windows", "containers[0].securityContext.runAsUser": 1 }, []],
  ];
  for (const [title, changes, expected, minUid] of cases) {
    it(title, () =>
      assert.deepEqual(runRule(highUid, podWith(changes), minUid ? { minUid } : {}), expected),
    );
  }

  it("says the value and the minimum", () => {
    assert.deepEqual(
      messagesOf(highUid, podWith({ "containers[0].securityContext.runAsUser": 1000 })),
      ["runAsUser is 1000; expected 10000 or more, above the IDs of the node's own users"],
    );
  });
});

describe("drop-net-raw", () => {
  const CAPS = `${APP}.capabilities`;
  const cases: readonly [title: string, caps: unknown, expected: Found[]][] = [
    ["drop ALL", { drop: ["ALL"] }, []],
    ["drop all (runtimes ignore case)", { drop: ["all"] }, []],
    ["drop NET_RAW", { drop: ["NET_RAW"] }, []],
    ["drop CAP_NET_RAW", { drop: ["CAP_NET_RAW"] }, []],
    ["drop ALL, add NET_BIND_SERVICE", { drop: ["ALL"], add: ["NET_BIND_SERVICE"] }, []],
    ["drop other capabilities", { drop: ["CHOWN"] }, [["drop-net-raw", `${CAPS}.drop`, "app"]]],
    ["empty drop", { drop: [] }, [["drop-net-raw", `${CAPS}.drop`, "app"]]],
    ["no capabilities", undefined, [["drop-net-raw", `${CAPS}.drop`, "app"]]],
    ["drop is not a list", { drop: "ALL" }, [["drop-net-raw", `${CAPS}.drop`, "app"]]],
    [
      "NET_RAW added back",
      { drop: ["ALL"], add: ["CHOWN", "NET_RAW"] },
      [["drop-net-raw", `${CAPS}.add[1]`, "app"]],
    ],
    ["ALL added", { drop: ["NET_RAW"], add: ["ALL"] }, [["drop-net-raw", `${CAPS}.add[0]`, "app"]]],
  ];
  for (const [title, caps, expected] of cases) {
    it(title, () =>
      assert.deepEqual(
        runRule(dropNetRaw, podWith({ "containers[0].securityContext.capabilities": caps })),
        expected,
      ),
    );
  }

  it("is skipped for Windows pods", () => {
    const workload = podWith({
      "os.name": "windows",
      "containers[0].securityContext.capabilities": undefined,
    });
    assert.deepEqual(runRule(dropNetRaw, workload), []);
  });
});

describe("dangerous-capabilities", () => {
  const ADD = `${APP}.capabilities.add`;
  it("reports each dangerous capability at its index, with why", () => {
    const workload = podWith({
      "containers[0].securityContext.capabilities.add": [
        "NET_BIND_SERVICE",
        "sys_admin",
        "CAP_SYS_PTRACE",
        "NET_RAW",
        7,
        "ALL",
      ],
    });
    assert.deepEqual(runRule(dangerousCapabilities, workload), [
      ["dangerous-capabilities", `${ADD}[1]`, "app"],
      ["dangerous-capabilities", `${ADD}[2]`, "app"],
      ["dangerous-capabilities", `${ADD}[5]`, "app"],
    ]);
    assert.match(
      messagesOf(dangerousCapabilities, workload)[0],
      /^capabilities.add includes "sys_admin": it allows mount/,
    );
  });

  it("is skipped for Windows pods", () => {
    const workload = podWith({
      "os.name": "windows",
      "containers[0].securityContext.capabilities.add": ["SYS_ADMIN"],
    });
    assert.deepEqual(runRule(dangerousCapabilities, workload), []);
  });

  it("takes an added ALL from drop-net-raw, so it is reported once", () => {
    const workload = podWith({ "containers[0].securityContext.capabilities.add": ["ALL"] });
    const found = evaluateWorkload(workload, { rules: [dropNetRaw, dangerousCapabilities] });
    assert.deepEqual(
      found.map((f) => [f.ruleId, f.path]),
      [["dangerous-capabilities", `${ADD}[0]`]],
    );
  });
});

describe("read-only-root-filesystem", () => {
  it("is skipped for Windows pods, which cannot set it", () => {
    const workload = podWith({
      "os.name": "windows",
      "containers[0].securityContext.readOnlyRootFilesystem": undefined,
    });
    assert.deepEqual(runRule(readOnlyRootFilesystem, workload), []);
  });
});
