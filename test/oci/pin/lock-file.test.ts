import { strict as assert } from "assert";
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { parseImageReference } from "../../../rules/image-reference";
import {
  LockFileError,
  lockKey,
  readLockFile,
  serializeLockFile,
  withEntry,
} from "../../../oci/pin/lock-file";

const DIGEST = `sha256:${"a".repeat(64)}`;
const entry = (reference: string, digest = DIGEST) => ({
  reference,
  registry: reference.split("/")[0],
  digest,
  mediaType: "application/vnd.oci.image.index.v1+json",
  resolvedAt: "2026-01-02T03:04:05.000Z",
});

function lockFile(content: string): string {
  const file = join(mkdtempSync(join(tmpdir(), "hardened-lock-test-")), "hardened.lock.json");
  writeFileSync(file, content);
  return file;
}

describe("lock file", () => {
  it("keys images by normalized registry/repository:tag, latest when no tag is written", () => {
    assert.equal(
      lockKey(parseImageReference("debian:bookworm")),
      "docker.io/library/debian:bookworm",
    );
    assert.equal(
      lockKey(parseImageReference("docker.io/library/debian:bookworm")),
      "docker.io/library/debian:bookworm",
    );
    assert.equal(lockKey(parseImageReference("ghcr.io/acme/app")), "ghcr.io/acme/app:latest");
  });

  it("round-trips, sorted by reference, with a final newline", () => {
    let lock = readLockFile(join(tmpdir(), "missing-hardened-dir", "hardened.lock.json"));
    assert.deepEqual(lock, { version: 1, images: [] });
    lock = withEntry(withEntry(lock, entry("z.io/b:1")), entry("a.io/a:1"));
    lock = withEntry(lock, entry("z.io/b:1", `sha256:${"b".repeat(64)}`));
    const text = serializeLockFile(lock);
    assert.ok(text.endsWith("}\n"));
    const read = readLockFile(lockFile(text));
    assert.deepEqual(
      read.images.map((e) => [e.reference, e.digest.slice(7, 8)]),
      [
        ["a.io/a:1", "a"],
        ["z.io/b:1", "b"],
      ],
    );
  });

  const invalid: [string, string, RegExp][] = [
    ["invalid JSON", "{", /it is not valid JSON/],
    [
      "another version",
      JSON.stringify({ version: 2, images: [] }),
      /"version" must be 1, got 2; delete the file/,
    ],
    [
      "images not an array",
      JSON.stringify({ version: 1, images: {} }),
      /"images" must be an array/,
    ],
    [
      "a missing field",
      JSON.stringify({ version: 1, images: [{ ...entry("a.io/a:1"), registry: undefined }] }),
      /images\[0\]\.registry must be a non-empty string, got undefined/,
    ],
    [
      "a short digest",
      JSON.stringify({ version: 1, images: [entry("a.io/a:1", "sha256:abc")] }),
      /images\[0\]\.digest must be sha256:<64 hex digits>, got "sha256:abc"/,
    ],
  ];
  for (const [name, content, message] of invalid) {
    it(`throws LockFileError naming the file for ${name}`, () => {
      const file = lockFile(content);
      assert.throws(
        () => readLockFile(file),
        (error: Error) =>
          error instanceof LockFileError &&
          error.message.startsWith(`lock file ${file}: `) &&
          message.test(error.message),
      );
    });
  }
});
