import { strict as assert } from "assert";
import {
  DEFAULT_IMAGE_USER,
  HARDENED_POD_SECURITY_CONTEXT,
  HardenedArgsError,
  checkNumericIds,
  mergeSecurityContext,
  podSecurityDefaults,
} from "../../../components/hardened-deployment";

describe("mergeSecurityContext", () => {
  const defaults = {
    runAsNonRoot: true,
    runAsUser: 65534,
    seccompProfile: { type: "RuntimeDefault" },
  };
  const cases: {
    readonly name: string;
    readonly existing?: Record<string, unknown>;
    readonly overrides?: Record<string, unknown>;
    readonly expected: Record<string, unknown>;
  }[] = [
    { name: "applies the defaults to nothing", expected: defaults },
    {
      name: "keeps existing fields over the defaults",
      existing: { runAsUser: 1000, fsGroup: 2000 },
      expected: { ...defaults, runAsUser: 1000, fsGroup: 2000 },
    },
    {
      name: "puts overrides over existing fields",
      existing: { runAsUser: 1000 },
      overrides: { runAsUser: 20000 },
      expected: { ...defaults, runAsUser: 20000 },
    },
    {
      name: "removes a default with null",
      overrides: { runAsUser: null },
      expected: { runAsNonRoot: true, seccompProfile: { type: "RuntimeDefault" } },
    },
    {
      name: "removes an existing field with null",
      existing: { fsGroup: 2000 },
      overrides: { fsGroup: null },
      expected: defaults,
    },
    {
      name: "keeps the default for undefined",
      overrides: { runAsUser: undefined },
      expected: defaults,
    },
    {
      name: "replaces an object value as a whole",
      overrides: { seccompProfile: { type: "Localhost", localhostProfile: "p.json" } },
      expected: { ...defaults, seccompProfile: { type: "Localhost", localhostProfile: "p.json" } },
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const merged = mergeSecurityContext<Record<string, unknown>>(
        defaults,
        c.existing,
        c.overrides,
      );
      assert.deepEqual(merged, c.expected);
    });
  }

  it("returns a copy that shares nothing with its inputs", () => {
    const merged = mergeSecurityContext<Record<string, unknown>>(defaults, undefined, undefined);
    (merged.seccompProfile as Record<string, unknown>).type = "Unconfined";
    assert.equal(defaults.seccompProfile.type, "RuntimeDefault");
  });
});

describe("podSecurityDefaults", () => {
  it("uses nobody without an image user, and the image's ids with one", () => {
    assert.deepEqual(podSecurityDefaults(), { ...HARDENED_POD_SECURITY_CONTEXT });
    assert.deepEqual(DEFAULT_IMAGE_USER, { uid: 65534, gid: 65534 });
    assert.deepEqual(podSecurityDefaults({ uid: 10001, gid: 10002 }), {
      ...HARDENED_POD_SECURITY_CONTEXT,
      runAsUser: 10001,
      runAsGroup: 10002,
      fsGroup: 10002,
    });
  });
});

describe("checkNumericIds", () => {
  it("accepts integers and null, and names the field of anything else", () => {
    checkNumericIds({ runAsUser: 0, runAsGroup: null, fsGroup: 10 }, "opts", "test");
    for (const [field, value] of [
      ["runAsUser", "1000"],
      ["runAsGroup", 1.5],
      ["fsGroup", -2],
    ] as const) {
      assert.throws(
        () => checkNumericIds({ [field]: value }, "opts", "test"),
        (error: unknown) =>
          error instanceof HardenedArgsError &&
          error.arg === `opts.${field}` &&
          error.message.endsWith(`got ${JSON.stringify(value)}`),
      );
    }
  });
});
