import { strict as assert } from "assert";
import { readFileSync } from "fs";
import { join, relative } from "path";
import { dockerignoreFor } from "../../cli/commands/lint";
import { PRESET_KINDS } from "../../components/hardened-image/preset-args";
import { PRESET_DEFAULT_IMAGES } from "../../components/hardened-image/resolve-preset";
import { lockKey, readLockFile } from "../../oci/pin/lock-file";
import { imageReferences } from "../../rules/dockerfile/image-references";
import { lintDockerfile } from "../../rules/dockerfile/lint";
import { parseDockerfile } from "../../rules/dockerfile/parse";
import { parseImageReference } from "../../rules/image-reference";
import {
  ImageNotLockedError,
  PRESETS_LOCK,
  presetDockerfile,
  renderPinnedPreset,
} from "../../examples/presets/render";
import { runCli } from "../support/run-cli";
import { codeBlocks, readmeOf, section } from "./support/readme";

const LOCK = readLockFile(PRESETS_LOCK);
const README = readmeOf("presets");
const ROOT = join(__dirname, "..", "..");

/** The committed `examples/presets/<kind>.Dockerfile`, path relative to the repository root. */
function committed(kind: (typeof PRESET_KINDS)[number]): { file: string; text: string } {
  const path = presetDockerfile(kind);
  return { file: relative(ROOT, path), text: readFileSync(path, "utf8") };
}

describe("examples/presets", () => {
  for (const kind of PRESET_KINDS) {
    it(`${kind}.Dockerfile is byte for byte what the renderer gives, pinned from the lock`, async () => {
      assert.equal(await renderPinnedPreset(kind, LOCK), committed(kind).text);
    });

    it(`${kind}.Dockerfile pins every base image by tag@digest and has zero lint findings`, () => {
      const { file, text } = committed(kind);
      const refs = imageReferences(parseDockerfile(text, { file }));
      assert.ok(refs.length > 0);
      for (const ref of refs) {
        assert.match(ref.reference, /^[^@\s]+:[\w.-]+@sha256:[0-9a-f]{64}$/);
      }
      const dockerignore = dockerignoreFor(presetDockerfile(kind));
      assert.deepEqual(
        lintDockerfile(text, { file, ...(dockerignore !== undefined ? { dockerignore } : {}) }),
        [],
      );
    });
  }

  it("locks exactly the presets' default base images", () => {
    const defaults = Object.values(PRESET_DEFAULT_IMAGES).flatMap((d) => [d.builder, d.runtime]);
    assert.deepEqual(
      LOCK.images.map((e) => e.reference).sort(),
      defaults.map((image) => lockKey(parseImageReference(image))).sort(),
    );
  });

  it("never asks a registry: an image missing from the lock is an error", async () => {
    await assert.rejects(
      renderPinnedPreset("go", { version: 1, images: [] }, "empty.lock.json"),
      (error: unknown) =>
        error instanceof ImageNotLockedError &&
        error.reference === "golang:1.23-bookworm" &&
        /golang:1\.23-bookworm is not in empty\.lock\.json; .*hardened pin --update/.test(
          error.message,
        ),
    );
  });

  it("passes `hardened lint` with exit 0 and prints what the README shows", () => {
    const files = PRESET_KINDS.map((kind) => committed(kind).file);
    const run = runCli(["lint", ...files]);
    assert.equal(run.stderr, "");
    assert.equal(run.code, 0);
    const shown = codeBlocks(section(README, "Lint"))[0];
    assert.equal(`$ hardened lint examples/presets/*.Dockerfile\n${run.stdout}`, shown);
  });
});
