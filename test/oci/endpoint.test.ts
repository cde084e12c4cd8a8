import { strict as assert } from "assert";
import { isLoopbackRegistry, registryBaseUrl } from "../../oci/endpoint";

describe("registryBaseUrl", () => {
  const cases: [string, readonly string[], string][] = [
    ["docker.io", [], "https://registry-1.docker.io"],
    ["ghcr.io", [], "https://ghcr.io"],
    ["127.0.0.1:5000", [], "http://127.0.0.1:5000"],
    ["127.1.2.3:5001", [], "http://127.1.2.3:5001"],
    ["localhost:5000", [], "http://localhost:5000"],
    ["localhost", [], "http://localhost"],
    ["[::1]:5000", [], "http://[::1]:5000"],
    ["registry.internal:5000", ["registry.internal:5000"], "http://registry.internal:5000"],
    ["registry.internal:5000", ["registry.internal"], "https://registry.internal:5000"],
    ["128.0.0.1:5000", [], "https://128.0.0.1:5000"],
    ["localhost.example.com", [], "https://localhost.example.com"],
  ];
  for (const [registry, insecure, expected] of cases) {
    it(`speaks to ${registry} at ${expected}${insecure.length ? ` (insecure: ${insecure})` : ""}`, () => {
      assert.equal(registryBaseUrl(registry, insecure), expected);
      assert.equal(
        isLoopbackRegistry(registry),
        expected.startsWith("http:") && insecure.length === 0,
      );
    });
  }
});
