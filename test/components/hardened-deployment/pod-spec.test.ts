import { strict as assert } from "assert";
import { defaultStartupProbe } from "../../../components/hardened-deployment/container-spec";

describe("defaultStartupProbe", () => {
  it("probes the first TCP port by name, and nothing without one", () => {
    assert.deepEqual(
      defaultStartupProbe([
        { name: "dns", port: 53, protocol: "UDP", servicePort: 53 },
        { name: "api", port: 8443, protocol: "TCP", servicePort: 443 },
      ]),
      { tcpSocket: { port: "api" }, periodSeconds: 2, failureThreshold: 30 },
    );
    assert.equal(
      defaultStartupProbe([{ name: "dns", port: 53, protocol: "UDP", servicePort: 53 }]),
      undefined,
    );
    assert.equal(defaultStartupProbe([]), undefined);
  });
});
