import { strict as assert } from "assert";
import { containerPrivilegedPort } from "../../../../rules/kubernetes/extras/container-privileged-port";
import { containerSshPort } from "../../../../rules/kubernetes/extras/container-ssh-port";
import { hostPathWritable } from "../../../../rules/kubernetes/extras/host-path-writable";
import { KubernetesRule } from "../../../../rules/kubernetes/kubernetes-rule";
import { Found, podWith, runRule } from "./run";

const APP = "spec.containers[0]";
const INIT = "spec.initContainers[0]";
const DEBUG = "spec.ephemeralContainers[0]";

const HOST_TMP = { volumes: [{ name: "tmp", hostPath: { path: "/srv/data" } }] };

const CASES: readonly [
  rule: KubernetesRule,
  title: string,
  changes: Record<string, unknown>,
  expected: Found[],
][] = [
  [containerSshPort, "the hardened pod", {}, []],
  [
    containerSshPort,
    "port 22 in the app and an init container",
    {
      "containers[0].ports[1]": { containerPort: 22 },
      "initContainers[0].ports": [{ containerPort: 22 }],
    },
    [
      ["container-ssh-port", `${INIT}.ports[0].containerPort`, "init"],
      ["container-ssh-port", `${APP}.ports[1].containerPort`, "app"],
    ],
  ],
  [containerPrivilegedPort, "the hardened pod", {}, []],
  [
    containerPrivilegedPort,
    "port 80 and 443 but not 22, 1024 or a named string",
    {
      "containers[0].ports": [
        { containerPort: 80 },
        { containerPort: 22 },
        { containerPort: 1024 },
        { containerPort: 443 },
        { containerPort: "80" },
      ],
    },
    [
      ["container-privileged-port", `${APP}.ports[0].containerPort`, "app"],
      ["container-privileged-port", `${APP}.ports[3].containerPort`, "app"],
    ],
  ],
  [hostPathWritable, "the hardened pod (an emptyDir)", {}, []],
  [
    hostPathWritable,
    "a hostPath mounted writable by every container",
    HOST_TMP,
    [
      ["host-path-writable", `${INIT}.volumeMounts[0].readOnly`, "init"],
      ["host-path-writable", `${APP}.volumeMounts[0].readOnly`, "app"],
      ["host-path-writable", `${DEBUG}.volumeMounts[0].readOnly`, "debug"],
    ],
  ],
  [
    hostPathWritable,
    "a hostPath mounted read-only, or readOnly: false",
    {
      ...HOST_TMP,
      "initContainers[0].volumeMounts[0].readOnly": true,
      "containers[0].volumeMounts[0].readOnly": false,
      "ephemeralContainers[0].volumeMounts[0].readOnly": true,
    },
    [["host-path-writable", `${APP}.volumeMounts[0].readOnly`, "app"]],
  ],
];

describe("container ports and hostPath mounts", () => {
  for (const [rule, title, changes, expected] of CASES) {
    it(`${rule.id}: ${title}`, () => assert.deepEqual(runRule(rule, podWith(changes)), expected));
  }
});
