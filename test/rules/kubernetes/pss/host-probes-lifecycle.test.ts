import { strict as assert } from "assert";
import { hostProbesLifecycle } from "../../../../rules/kubernetes/pss/host-probes-lifecycle";
import { setPath } from "../../../fixtures/workloads";
import { messages, run, specWith } from "./pss-test-helpers";

const APP = "spec.containers[0]";

describe("host-probes-lifecycle", () => {
  const handlers = [
    "livenessProbe.httpGet",
    "readinessProbe.httpGet",
    "startupProbe.httpGet",
    "livenessProbe.tcpSocket",
    "readinessProbe.tcpSocket",
    "startupProbe.tcpSocket",
    "lifecycle.postStart.httpGet",
    "lifecycle.preStop.httpGet",
    "lifecycle.postStart.tcpSocket",
    "lifecycle.preStop.tcpSocket",
  ];
  for (const handler of handlers) {
    it(`${handler}.host is reported from v1.34, not before`, () => {
      const spec = specWith((s) =>
        setPath(s, `containers[0].${handler}`, { host: "169.254.169.254", port: 80 }),
      );
      assert.deepEqual(run(hostProbesLifecycle, spec, { version: "v1.33" }), []);
      assert.deepEqual(run(hostProbesLifecycle, spec, { version: "v1.34" }), [
        [`${APP}.${handler}.host`, "app"],
      ]);
      assert.deepEqual(run(hostProbesLifecycle, spec), [[`${APP}.${handler}.host`, "app"]]);
    });
  }

  it("allows an empty host", () => {
    const spec = specWith((s) => setPath(s, "containers[0].livenessProbe.httpGet.host", ""));
    assert.deepEqual(run(hostProbesLifecycle, spec), []);
  });

  it("ignores exec and grpc handlers", () => {
    const spec = specWith((s) => {
      setPath(s, "containers[0].startupProbe", { grpc: { port: 9000 } });
      setPath(s, "containers[0].lifecycle", { preStop: { exec: { command: ["sleep", "5"] } } });
    });
    assert.deepEqual(run(hostProbesLifecycle, spec), []);
  });

  it("says what was found and what is expected", () => {
    const spec = specWith((s) => setPath(s, "containers[0].readinessProbe.tcpSocket.host", "db"));
    assert.deepEqual(messages(hostProbesLifecycle, spec), [
      'readinessProbe.tcpSocket.host is "db"; expected unset or ""',
    ]);
  });
});
