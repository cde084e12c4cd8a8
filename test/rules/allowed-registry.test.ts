import { strict as assert } from "assert";
import {
  allowedRegistryProblem,
  isFromAllowedRegistry,
  parseImageReference,
} from "../../rules/image-reference";

describe("allowedRegistries entries", () => {
  for (const entry of [
    "ghcr.io",
    "ghcr.io/acme",
    "ghcr.io/acme/",
    "127.0.0.1:5000",
    "localhost:5000",
    "localhost",
    "docker.io/library",
    "*.corp.example",
    "*.corp.example/team",
  ]) {
    it(`accepts ${entry}`, () => assert.equal(allowedRegistryProblem(entry), undefined));
  }

  const forms =
    "a registry host (ghcr.io, 127.0.0.1:5000, localhost:5000), a host and path prefix (ghcr.io/acme) or a wildcard host (*.corp.example, optionally with a path prefix)";
  for (const entry of [
    "*",
    "nginx",
    "corp",
    "https://ghcr.io",
    "ghcr.io/Acme",
    "*ghcr.io",
    "ghcr.*",
  ]) {
    it(`refuses ${entry}, saying what is allowed`, () =>
      assert.equal(allowedRegistryProblem(entry), `"${entry}" is not ${forms}`));
  }
  it("refuses a wildcard over a top-level domain", () =>
    assert.equal(
      allowedRegistryProblem("*.example"),
      `"*.example" is not ${forms}: a wildcard host needs a domain of two labels or more, like *.corp.example`,
    ));

  const matches: [string, string, boolean][] = [
    ["r.corp.example/team/app:1", "*.corp.example", true],
    ["a.b.corp.example/app:1", "*.corp.example", true],
    ["corp.example/app:1", "*.corp.example", false],
    ["evilcorp.example/app:1", "*.corp.example", false],
    ["r.corp.example:5000/app:1", "*.corp.example", true],
    ["r.corp.example:5000/app:1", "*.corp.example:5001", false],
    ["r.corp.example/team/app:1", "*.corp.example/team", true],
    ["r.corp.example/other/app:1", "*.corp.example/team", false],
    ["nginx:1", "docker.io/library", true],
    ["ghcr.io/acme/api:1", "ghcr.io/acme/", true],
    ["ghcr.io/acmex/api:1", "ghcr.io/acme", false],
    ["127.0.0.1:5000/app:1", "127.0.0.1:5000", true],
    ["127.0.0.1:5001/app:1", "127.0.0.1:5000", false],
    ["ghcr.io/acme/api:1", "*", false],
  ];
  for (const [image, entry, expected] of matches) {
    it(`${image} ${expected ? "is" : "is not"} from ${entry}`, () =>
      assert.equal(isFromAllowedRegistry(parseImageReference(image), [entry]), expected));
  }
});
