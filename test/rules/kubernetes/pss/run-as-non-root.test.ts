import { strict as assert } from "assert";
import { runAsNonRoot } from "../../../../rules/kubernetes/pss/run-as-non-root";
import { setPath } from "../../../fixtures/workloads";
import { CONTAINERS, messages, run, setInEveryContainer, specWith } from "./pss-test-helpers";

const POD = "spec.securityContext.runAsNonRoot";
const EVERY_CONTAINER: [string, string | null][] = CONTAINERS.map(([list, name]) => [
  `spec.${list}[0].securityContext.runAsNonRoot`,
  name,
]);

interface Case {
  readonly name: string;
  readonly pod: unknown;
  readonly containers: unknown;
  readonly app?: unknown;
  readonly extra?: (spec: Record<string, unknown>) => void;
  readonly version?: string;
  readonly expected: [string, string | null][];
}

describe("run-as-non-root", () => {
  const cases: Case[] = [
    { name: "pod true, containers unset", pod: true, containers: undefined, expected: [] },
    { name: "pod unset, containers true", pod: undefined, containers: true, expected: [] },
    {
      name: "pod unset, containers unset: each container at its own field",
      pod: undefined,
      containers: undefined,
      expected: EVERY_CONTAINER,
    },
    {
      name: "pod true, one container false",
      pod: true,
      containers: undefined,
      app: false,
      expected: [["spec.containers[0].securityContext.runAsNonRoot", "app"]],
    },
    {
      name: "pod false, containers true: the pod's explicit false fails",
      pod: false,
      containers: true,
      expected: [[POD, null]],
    },
    {
      name: "pod false, containers unset: reported once, at the pod",
      pod: false,
      containers: undefined,
      expected: [[POD, null]],
    },
    {
      name: "pod false, one container false: each where it is set",
      pod: false,
      containers: undefined,
      app: false,
      expected: [
        [POD, null],
        ["spec.containers[0].securityContext.runAsNonRoot", "app"],
      ],
    },
    {
      name: "runAsUser > 0 alone does not satisfy it",
      pod: undefined,
      containers: undefined,
      extra: (s) => {
        setPath(s, "securityContext.runAsUser", 1000);
        setInEveryContainer(s, "securityContext.runAsUser", 1000);
      },
      expected: EVERY_CONTAINER,
    },
    {
      name: "a string is not a value",
      pod: "true",
      containers: undefined,
      expected: EVERY_CONTAINER,
    },
    {
      name: "Windows pods are not exempt",
      pod: undefined,
      containers: undefined,
      extra: (s) => (s.os = { name: "windows" }),
      expected: EVERY_CONTAINER,
    },
    {
      name: "hostUsers: false at v1.34 is not relaxed (feature gate off by default)",
      pod: false,
      containers: undefined,
      extra: (s) => (s.hostUsers = false),
      version: "v1.34",
      expected: [[POD, null]],
    },
    {
      name: "hostUsers: false at v1.35 is exempt",
      pod: false,
      containers: undefined,
      app: false,
      extra: (s) => (s.hostUsers = false),
      version: "v1.35",
      expected: [],
    },
    {
      name: "hostUsers: true at latest is not exempt",
      pod: undefined,
      containers: undefined,
      extra: (s) => (s.hostUsers = true),
      expected: EVERY_CONTAINER,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const spec = specWith((s) => {
        setPath(s, "securityContext.runAsNonRoot", c.pod);
        setInEveryContainer(s, "securityContext.runAsNonRoot", c.containers);
        if ("app" in c) {
          setPath(s, "containers[0].securityContext.runAsNonRoot", c.app);
        }
        c.extra?.(s);
      });
      assert.deepEqual(run(runAsNonRoot, spec, { version: c.version }), c.expected);
    });
  }

  it("says what was found and what is expected", () => {
    const spec = specWith((s) => {
      setPath(s, "securityContext.runAsNonRoot", undefined);
      setInEveryContainer(s, "securityContext.runAsNonRoot", undefined);
      setPath(s, "containers[0].securityContext.runAsNonRoot", false);
    });
    assert.deepEqual(messages(runAsNonRoot, spec), [
      "runAsNonRoot is unset and the pod sets no default; expected true (set at container level or as the pod default)",
      "runAsNonRoot is false; expected true (set at container level or as the pod default)",
      "runAsNonRoot is unset and the pod sets no default; expected true (set at container level or as the pod default)",
    ]);
  });
});
