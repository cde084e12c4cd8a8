import { strict as assert } from "assert";
import { HardenedImageArgsError } from "../../../components/hardened-image/errors";
import {
  ImageVerifyArgs,
  resolveVerifyArgs,
  verifyPlatform,
} from "../../../components/hardened-image/verify-args";

const OWNER = 'HardenedImage "api"';

describe("HardenedImage verify settings", () => {
  const defaults = {
    runtime: false,
    rules: { allowedSetuidPaths: [] },
    exemptions: [],
  };
  const cases: {
    name: string;
    verify: boolean | ImageVerifyArgs | undefined;
    expected: unknown;
  }[] = [
    { name: "undefined: static verification", verify: undefined, expected: defaults },
    { name: "true: static verification", verify: true, expected: defaults },
    { name: "false: no verification", verify: false, expected: undefined },
    {
      name: "every setting",
      verify: {
        runtime: true,
        allowSetuid: ["/usr/bin/ping"],
        maxSizeMb: 12.5,
        maxLayers: 4.7,
        platform: "linux/arm64/v8",
        exemptions: [{ rule: "image-healthcheck", reason: " probed by the mesh " }],
      },
      expected: {
        runtime: true,
        rules: { allowedSetuidPaths: ["/usr/bin/ping"], maxSizeBytes: 12_500_000, maxLayers: 4 },
        platform: { os: "linux", architecture: "arm64", variant: "v8" },
        exemptions: [{ ruleId: "image-healthcheck", reason: "probed by the mesh" }],
      },
    },
    {
      name: "an exemption of a runtime rule",
      verify: { exemptions: [{ rule: "image-runtime-healthcheck", reason: "slow start" }] },
      expected: {
        ...defaults,
        exemptions: [{ ruleId: "image-runtime-healthcheck", reason: "slow start" }],
      },
    },
  ];
  for (const c of cases) {
    it(`resolves ${c.name}`, () => {
      assert.deepEqual(resolveVerifyArgs(OWNER, c.verify), c.expected);
    });
  }

  const platforms: {
    verify: ImageVerifyArgs;
    build: string | undefined;
    expected: { os: string; architecture: string; variant?: string };
  }[] = [
    { verify: {}, build: undefined, expected: { os: "linux", architecture: "amd64" } },
    { verify: {}, build: "linux/arm64", expected: { os: "linux", architecture: "arm64" } },
    {
      verify: {},
      build: "linux/amd64,linux/arm64",
      expected: { os: "linux", architecture: "amd64" },
    },
    {
      verify: { platform: "linux/arm/v7" },
      build: "linux/arm64",
      expected: { os: "linux", architecture: "arm", variant: "v7" },
    },
  ];
  for (const p of platforms) {
    it(`reads platform ${JSON.stringify(p.expected)} for verify ${JSON.stringify(p.verify)} and build platform ${p.build}`, () => {
      const settings = resolveVerifyArgs(OWNER, p.verify);
      assert.ok(settings !== undefined);
      assert.deepEqual(verifyPlatform(OWNER, settings, p.build), p.expected);
    });
  }

  it("names args.platform when the build platform is malformed", () => {
    const settings = resolveVerifyArgs(OWNER, {});
    assert.ok(settings !== undefined);
    assert.throws(
      () => verifyPlatform(OWNER, settings, "amd64"),
      (error: unknown) =>
        error instanceof HardenedImageArgsError &&
        error.arg === "args.platform" &&
        /args\.platform: "amd64" is not of the form/.test(error.message),
    );
  });
});
