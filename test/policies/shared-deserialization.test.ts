import { strict as assert } from "assert";
import { sdkDeserializeProperties } from "../../policies/sdk-internals";
import {
  isSharedAnalyzeProperties,
  shareAnalyzeDeserialization,
} from "../../policies/shared-deserialization";
import { UNKNOWN, secret, serializeProperties } from "../../preview/analyzer/properties";

/** The SDK's module, as the fence sees it (its function is read at call time, as the SDK does). */
const sdk = {
  get deserializeProperties() {
    return sdkDeserializeProperties()!;
  },
};

/** The SDK's own function, taken before any test installs the shared one. */
const original = sdk.deserializeProperties;

/** Properties as the engine sends them: plain values, unknowns and secrets, nested. */
const RESOURCES: readonly Record<string, unknown>[] = [
  { metadata: { name: "app", labels: { team: "payments" } }, spec: { replicas: 2 } },
  { metadata: { name: "app", annotations: { a: UNKNOWN } }, spec: UNKNOWN },
  {
    metadata: { name: "app", labels: { team: secret("payments") } },
    spec: {
      template: {
        spec: {
          containers: [
            { name: "app", image: UNKNOWN, env: [{ name: "TOKEN", value: secret("s3cr3t") }] },
            secret({ name: "sidecar", image: "busybox", args: [UNKNOWN, 1, true, null] }),
          ],
        },
      },
    },
  },
];

describe("shared deserialization of Analyze requests", () => {
  before(() => {
    assert.equal(shareAnalyzeDeserialization(), true);
  });

  it("is installed once, and the SDK's module now holds the shared function", () => {
    assert.equal(shareAnalyzeDeserialization(), true);
    assert.notEqual(sdk.deserializeProperties, original);
  });

  for (const [index, props] of RESOURCES.entries()) {
    it(`gives exactly what the SDK gives, unknowns and secrets included (resource ${index})`, () => {
      const struct = serializeProperties(props);
      assert.deepStrictEqual(sdk.deserializeProperties(struct, false), original(struct, false));
      assert.deepStrictEqual(sdk.deserializeProperties(struct, true), original(struct, true));
    });
  }

  it("deserializes a request's properties once for analysis, whatever the number of policies", () => {
    const struct = serializeProperties(RESOURCES[2]);
    const first = sdk.deserializeProperties(struct, false);
    assert.equal(sdk.deserializeProperties(struct, false), first);
    assert.equal(isSharedAnalyzeProperties(first), true);
    assert.equal(isSharedAnalyzeProperties(original(struct, false)), false);
    const other = serializeProperties(RESOURCES[2]);
    assert.notEqual(sdk.deserializeProperties(other, false), first);
  });

  it("gives each remediation its own copy", () => {
    const struct = serializeProperties(RESOURCES[2]);
    const first = sdk.deserializeProperties(struct, true);
    const second = sdk.deserializeProperties(struct, true);
    assert.notEqual(second, first);
    assert.equal(isSharedAnalyzeProperties(first), false);
    assert.deepStrictEqual(second, original(struct, true));
  });
});
