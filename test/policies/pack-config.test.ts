import { strict as assert } from "assert";
import { packWideConfig } from "../../policies/pack-config";

describe("packWideConfig", () => {
  it("writes the shared settings once, in the pack-level section, and levels per policy", () => {
    const config = packWideConfig({
      profile: "restricted",
      allowedRegistries: ["ghcr.io/acme"],
      exemptions: [{ rule: "privileged", reason: "CNI agent", name: "cilium" }],
      allowExemptions: { rules: { allow: ["privileged"] } },
      enforcementLevels: { all: "mandatory", "read-only-root-filesystem": "remediate" },
    });
    assert.deepEqual(config, {
      all: "mandatory",
      "read-only-root-filesystem": "remediate",
      hardened: {
        profile: "restricted",
        allowedRegistries: ["ghcr.io/acme"],
        exemptions: [{ rule: "privileged", reason: "CNI agent", name: "cilium" }],
        allowExemptions: { rules: { allow: ["privileged"] } },
      },
    });
  });

  it("writes only levels when no setting is shared", () => {
    assert.deepEqual(packWideConfig({ enforcementLevels: { privileged: "advisory" } }), {
      privileged: "advisory",
    });
  });
});
