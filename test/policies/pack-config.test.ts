import { strict as assert } from "assert";
import { packWideConfig } from "../../policies/pack-config";
import { hardenedPolicies } from "../../policies/pack";

describe("packWideConfig", () => {
  it("repeats the shared settings for every policy and routes exemptions by rule", () => {
    const config = packWideConfig({
      profile: "restricted",
      allowedRegistries: ["ghcr.io/acme"],
      exemptions: [{ rule: "privileged", reason: "CNI agent", name: "cilium" }],
      enforcementLevels: { "read-only-root-filesystem": "remediate" },
    });
    assert.deepEqual(
      Object.keys(config),
      hardenedPolicies().map((p) => p.name),
    );
    assert.deepEqual(config["privileged"], {
      profile: "restricted",
      allowedRegistries: ["ghcr.io/acme"],
      exemptions: [{ rule: "privileged", reason: "CNI agent", name: "cilium" }],
    });
    assert.deepEqual(config["read-only-root-filesystem"], {
      enforcementLevel: "remediate",
      profile: "restricted",
      allowedRegistries: ["ghcr.io/acme"],
    });
  });
});
