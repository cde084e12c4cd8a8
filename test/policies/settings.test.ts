import { strict as assert } from "assert";
import { PolicyConfigError, readSettings } from "../../policies/settings";

describe("policy settings", () => {
  it("fill in every default", () => {
    const settings = readSettings("privileged", {});
    assert.equal(settings.profile, "hardened");
    assert.deepEqual(settings.options, {
      pssVersion: { minor: Infinity, label: "latest" },
      allowedRegistries: [],
      minUid: 10000,
    });
    assert.deepEqual(settings.exemptions, []);
  });

  it("read every setting", () => {
    const exemption = { rule: "privileged", reason: "agent", urn: "*::x" };
    const settings = readSettings("privileged", {
      profile: "restricted",
      pssVersion: "v1.29",
      allowedRegistries: ["ghcr.io/acme"],
      minUid: 2000,
      exemptions: [exemption],
    });
    assert.equal(settings.profile, "restricted");
    assert.deepEqual(settings.options, {
      pssVersion: { minor: 29, label: "v1.29" },
      allowedRegistries: ["ghcr.io/acme"],
      minUid: 2000,
    });
    assert.deepEqual(settings.exemptions, [exemption]);
    assert.deepEqual(
      readSettings("privileged", { allowExemptions: { rules: "any", namespaces: ["ops"] } })
        .governance,
      { rules: "any", namespaces: ["ops"] },
    );
  });

  const invalid: [Record<string, unknown>, RegExp][] = [
    [
      { profile: "strict" },
      /config "profile": got "strict"; expected one of "baseline", "restricted", "hardened"$/,
    ],
    [
      { pssVersion: "1.30" },
      /config "pssVersion": got "1\.30"; expected "latest" or v1\.25 or later, like "v1\.30"$/,
    ],
    [{ minUid: 0 }, /config "minUid": got 0; expected an integer of 1 or more/],
    [
      { allowedRegistries: "ghcr.io" },
      /config "allowedRegistries": got "ghcr\.io"; expected a list of non-empty strings$/,
    ],
    [{ allowedRegistries: ["*"] }, /config "allowedRegistries\[0\]": "\*" is not a registry host/],
    [
      { allowedRegistries: ["ghcr.io", "*.com"] },
      /config "allowedRegistries\[1\]": "\*\.com" is not .*: a wildcard host needs a domain of two labels/,
    ],
    [
      { allowExemptions: { rules: { allow: ["host-*"] } } },
      /config "allowExemptions\.rules\.allow": "host-\*" is not a rule id \(exact ids, no globs\)$/,
    ],
    [
      { allowExemptions: { from: "config" } },
      /config "allowExemptions\.from": got "config"; expected a list of values among "config", "annotations", "args", "pragmas", each once$/,
    ],
    [
      { exemptions: [{ rule: "privileged" }] },
      /config "exemptions\[0\]\.reason": missing; expected a string that is not blank$/,
    ],
    [
      { exemptions: [{ rule: "privileged", reason: " " }] },
      /config "exemptions\[0\]\.reason": got " "; expected a string that is not blank$/,
    ],
  ];
  for (const [config, message] of invalid) {
    it(`reject ${JSON.stringify(config)} naming the pack, policy and setting`, () => {
      assert.throws(
        () => readSettings("privileged", config),
        (error: unknown) =>
          error instanceof PolicyConfigError &&
          error.message.startsWith('policy pack hardened-containers, policy "privileged", ') &&
          message.test(error.message),
      );
    });
  }
});
