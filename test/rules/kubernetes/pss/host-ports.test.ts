import { strict as assert } from "assert";
import { hostPorts } from "../../../../rules/kubernetes/pss/host-ports";
import { setPath } from "../../../fixtures/workloads";
import { CONTAINERS, messages, run, specWith } from "./pss-test-helpers";

describe("host-ports", () => {
  const cases: [name: string, ports: unknown, expected: string[]][] = [
    ["no hostPort", [{ containerPort: 8080 }], []],
    ["hostPort 0 means none and is allowed", [{ containerPort: 8080, hostPort: 0 }], []],
    [
      "only the non-zero port is reported",
      [
        { containerPort: 8080, hostPort: 0 },
        { containerPort: 9090, hostPort: 9090 },
      ],
      ["spec.containers[0].ports[1].hostPort"],
    ],
    ["ports that are not a list are read as unset", { hostPort: 80 }, []],
  ];
  for (const [name, ports, expected] of cases) {
    it(name, () => {
      const spec = specWith((s) => setPath(s, "containers[0].ports", ports));
      assert.deepEqual(
        run(hostPorts, spec),
        expected.map((p) => [p, "app"]),
      );
    });
  }

  it("checks init and ephemeral containers too", () => {
    const spec = specWith((s) => {
      for (const [list] of CONTAINERS) {
        setPath(s, `${list}[0].ports`, [{ containerPort: 53, hostPort: 53 }]);
      }
    });
    assert.deepEqual(run(hostPorts, spec), [
      ["spec.initContainers[0].ports[0].hostPort", "init"],
      ["spec.containers[0].ports[0].hostPort", "app"],
      ["spec.ephemeralContainers[0].ports[0].hostPort", "debug"],
    ]);
    assert.equal(messages(hostPorts, spec)[0], "hostPort is 53; expected 0 or unset");
  });
});
