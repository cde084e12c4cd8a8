import { strict as assert } from "assert";
import { selinux } from "../../../../rules/kubernetes/pss/selinux";
import { setPath } from "../../../fixtures/workloads";
import { messages, run, specWith } from "./pss-test-helpers";

const CONTAINER = "spec.containers[0].securityContext.seLinuxOptions";

describe("selinux", () => {
  const cases: [name: string, options: unknown, version: string, expected: string[]][] = [
    ["container_t", { type: "container_t" }, "latest", []],
    ["container_init_t", { type: "container_init_t" }, "v1.25", []],
    ["container_kvm_t", { type: "container_kvm_t" }, "v1.25", []],
    ["an empty type", { type: "" }, "v1.25", []],
    ["only a level, which is not restricted", { level: "s0:c123,c456" }, "latest", []],
    [
      "container_engine_t before v1.31",
      { type: "container_engine_t" },
      "v1.30",
      [`${CONTAINER}.type`],
    ],
    ["container_engine_t at v1.31", { type: "container_engine_t" }, "v1.31", []],
    ["container_engine_t at latest", { type: "container_engine_t" }, "latest", []],
    ["spc_t", { type: "spc_t" }, "latest", [`${CONTAINER}.type`]],
    ["a user", { user: "system_u" }, "latest", [`${CONTAINER}.user`]],
    ["a role", { role: "system_r" }, "latest", [`${CONTAINER}.role`]],
    [
      "type, user and role, each reported",
      { type: "unconfined_t", user: "u", role: "r" },
      "latest",
      [`${CONTAINER}.type`, `${CONTAINER}.user`, `${CONTAINER}.role`],
    ],
    ["an empty user and role", { user: "", role: "" }, "latest", []],
  ];
  for (const [name, options, version, expected] of cases) {
    it(`${name} (${version})`, () => {
      const spec = specWith((s) =>
        setPath(s, "containers[0].securityContext.seLinuxOptions", options),
      );
      assert.deepEqual(
        run(selinux, spec, { version }),
        expected.map((p) => [p, "app"]),
      );
    });
  }

  it("checks the pod level", () => {
    const spec = specWith((s) => setPath(s, "securityContext.seLinuxOptions", { type: "spc_t" }));
    assert.deepEqual(run(selinux, spec), [["spec.securityContext.seLinuxOptions.type", null]]);
  });

  it("names the allowed types of the version asked for", () => {
    const spec = specWith((s) => setPath(s, "securityContext.seLinuxOptions", { type: "spc_t" }));
    assert.deepEqual(messages(selinux, spec, { version: "v1.30" }), [
      'seLinuxOptions.type is "spc_t"; expected unset or one of container_t, container_init_t, container_kvm_t (Pod Security Standards v1.30)',
    ]);
    assert.match(
      messages(selinux, spec, { version: "v1.31" })[0],
      /container_kvm_t, container_engine_t \(Pod Security Standards v1\.31\)$/,
    );
  });
});
