import { strict as assert } from "assert";
import { windowsHostProcess } from "../../../../rules/kubernetes/pss/windows-host-process";
import { setPath } from "../../../fixtures/workloads";
import { messages, run, specWith } from "./pss-test-helpers";

describe("windows-host-process", () => {
  it("reports the pod and each container that sets hostProcess: true, where it is set", () => {
    const spec = specWith((s) => {
      s.os = { name: "windows" };
      setPath(s, "securityContext.windowsOptions.hostProcess", true);
      setPath(s, "containers[0].securityContext.windowsOptions.hostProcess", true);
      setPath(s, "initContainers[0].securityContext.windowsOptions.hostProcess", false);
    });
    assert.deepEqual(run(windowsHostProcess, spec), [
      ["spec.securityContext.windowsOptions.hostProcess", null],
      ["spec.containers[0].securityContext.windowsOptions.hostProcess", "app"],
    ]);
    assert.equal(
      messages(windowsHostProcess, spec)[0],
      "windowsOptions.hostProcess is true; expected false or unset",
    );
  });

  it("allows other windowsOptions", () => {
    const spec = specWith((s) =>
      setPath(s, "securityContext.windowsOptions", { runAsUserName: "ContainerUser" }),
    );
    assert.deepEqual(run(windowsHostProcess, spec), []);
  });
});
