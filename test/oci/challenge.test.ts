import { strict as assert } from "assert";
import { parseChallenges } from "../../oci/challenge";

describe("parseChallenges", () => {
  const cases: { header: string; expected: ReturnType<typeof parseChallenges> }[] = [
    {
      header:
        'Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/debian:pull"',
      expected: [
        {
          scheme: "bearer",
          params: {
            realm: "https://auth.docker.io/token",
            service: "registry.docker.io",
            scope: "repository:library/debian:pull",
          },
        },
      ],
    },
    {
      header: 'Basic realm="hardened-test-registry"',
      expected: [{ scheme: "basic", params: { realm: "hardened-test-registry" } }],
    },
    {
      header:
        'Bearer realm="https://ghcr.io/token", service="ghcr.io", scope="repository:a/b:pull,push"',
      expected: [
        {
          scheme: "bearer",
          params: {
            realm: "https://ghcr.io/token",
            service: "ghcr.io",
            scope: "repository:a/b:pull,push",
          },
        },
      ],
    },
    {
      header: 'Basic realm="a", Bearer realm="https://t.example/token",error=invalid_token',
      expected: [
        { scheme: "basic", params: { realm: "a" } },
        { scheme: "bearer", params: { realm: "https://t.example/token", error: "invalid_token" } },
      ],
    },
    { header: 'BEARER Realm="x\\"y"', expected: [{ scheme: "bearer", params: { realm: 'x"y' } }] },
    { header: "", expected: [] },
  ];
  for (const { header, expected } of cases) {
    it(`parses ${JSON.stringify(header)}`, () => {
      assert.deepEqual(parseChallenges(header), expected);
    });
  }
});
