import { strict as assert } from "assert";
import { hostPathVolumes } from "../../../../rules/kubernetes/pss/host-path-volumes";
import { messages, run, specWith } from "./pss-test-helpers";

describe("host-path-volumes", () => {
  it("reports each hostPath volume at its hostPath field", () => {
    const spec = specWith((s) => {
      s.volumes = [
        { name: "tmp", emptyDir: {} },
        { name: "docker", hostPath: { path: "/var/run/docker.sock" } },
        { name: "etc", hostPath: { path: "/etc", type: "Directory" } },
      ];
    });
    assert.deepEqual(run(hostPathVolumes, spec), [
      ["spec.volumes[1].hostPath", null],
      ["spec.volumes[2].hostPath", null],
    ]);
    assert.equal(
      messages(hostPathVolumes, spec)[0],
      'volume "docker" is a hostPath volume; expected no hostPath volumes',
    );
  });

  it("allows other volume types, and ignores entries that are not objects", () => {
    const spec = specWith((s) => {
      s.volumes = [{ name: "c", configMap: { name: "c" } }, "junk", null];
    });
    assert.deepEqual(run(hostPathVolumes, spec), []);
  });
});
