import { strict as assert } from "assert";
import {
  mayWriteLock,
  placeholderDigest,
  placeholderResolver,
} from "../../../components/hardened-image/run-mode";
import { parseImageReference } from "../../../rules/image-reference";

describe("mayWriteLock", () => {
  const CASES = [
    ["an update", { offline: false, preview: false }, "/ctx/hardened.lock.json", true],
    [
      "a preview, lock in the context",
      { offline: false, preview: true },
      "/ctx/hardened.lock.json",
      false,
    ],
    [
      "a preview, lock deeper in the context",
      { offline: false, preview: true },
      "/ctx/a/lock.json",
      false,
    ],
    [
      "a preview, lock outside the context",
      { offline: false, preview: true },
      "/locks/ctx.json",
      true,
    ],
    [
      "a preview, lock in a sibling named like the context",
      { offline: false, preview: true },
      "/ctx2/lock.json",
      true,
    ],
    ["offline", { offline: true, preview: false }, "/locks/ctx.json", false],
    ["no lock file", { offline: false, preview: false }, null, false],
  ] as const;
  for (const [name, mode, lockFile, expected] of CASES) {
    it(`${expected ? "writes" : "does not write"} the lock file in ${name}`, () => {
      assert.equal(mayWriteLock(mode, lockFile, "/ctx"), expected);
    });
  }
});

describe("placeholder digests", () => {
  it("are sha256 digests of the text, the same on every call", async () => {
    assert.equal(
      placeholderDigest("docker.io/library/python:3.11"),
      placeholderDigest("docker.io/library/python:3.11"),
    );
    assert.match(placeholderDigest("x"), /^sha256:[0-9a-f]{64}$/);
    assert.notEqual(placeholderDigest("x"), placeholderDigest("y"));
    assert.deepEqual(await placeholderResolver(parseImageReference("python:3.11")), {
      digest: placeholderDigest("docker.io/library/python:3.11"),
      mediaType: "application/vnd.oci.image.manifest.v1+json",
    });
  });
});
