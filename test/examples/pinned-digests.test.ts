import { strict as assert } from "assert";
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { runProgram } from "../../preview/run-program";
import { HARDENED_IMAGE_BUILD_TYPE } from "../../rules/docker-resource";
import { buildPack } from "../../dev/build-pack";
import { PLAIN_REGISTRY, Pushed, requireRegistries, uniqueRepository } from "../../dev/registry";
import { runCli } from "../support/run-cli";
import { EXAMPLES, codeBlocks, readmeOf, section } from "./support/readme";
import { EXAMPLE_REPOSITORIES, ImageVersion, pushExampleImages } from "./support/pinned-images";

const EXAMPLE = join(EXAMPLES, "pinned-digests");
const README = readmeOf("pinned-digests");
const COMMITTED_LOCK = readFileSync(join(EXAMPLE, "hardened.lock.json"), "utf8");
const AS_WRITTEN = `${PLAIN_REGISTRY}/${EXAMPLE_REPOSITORIES}/`;

/** The fenced blocks of the README section under `heading`. */
function blocks(heading: string): string[] {
  return codeBlocks(section(README, heading));
}

/** A lock file's text with its `resolvedAt` times blanked: the only part that differs by run. */
function untimed(lock: string): string {
  return lock.replace(/"resolvedAt": "[^"]+"/g, '"resolvedAt": "…"');
}

/** The digests a lock file holds, by reference. */
function lockDigests(lock: string): Record<string, string> {
  const { images } = JSON.parse(lock) as { images: { reference: string; digest: string }[] };
  return Object.fromEntries(images.map((e) => [e.reference, e.digest]));
}

/** `<reference> <digest>` lines, as the push script prints them. */
function pushLines(pushed: Record<string, Pushed>): string {
  return Object.entries(pushed)
    .map(([reference, { digest }]) => `${reference} ${digest}\n`)
    .join("");
}

describe("examples/pinned-digests, against the local registry", function () {
  this.timeout(180_000);

  before(async function () {
    await requireRegistries(this);
    buildPack();
  });

  it("pins from the registry, keeps the pins across a re-push, and moves them only with --update", async () => {
    const prefix = uniqueRepository("pinned-digests");
    const ownRepositories = `${PLAIN_REGISTRY}/${prefix}/`;
    const dir = mkdtempSync(join(tmpdir(), "hardened-pinned-digests-"));
    const dockerfile = join(dir, "Dockerfile");
    const lockFile = join(dir, "hardened.lock.json");
    const original = readFileSync(join(EXAMPLE, "Dockerfile"), "utf8");
    assert.ok(original.includes(AS_WRITTEN));
    const copy = original.split(AS_WRITTEN).join(ownRepositories);
    writeFileSync(dockerfile, copy);
    /** The output as it would read in the example folder: its repositories, relative paths. */
    const asInExample = (text: string) =>
      text.split(ownRepositories).join(AS_WRITTEN).split(`${dir}/`).join("");
    const push = async (version: ImageVersion) =>
      asInExample(pushLines(await pushExampleImages(prefix, version)));
    const pin = (...args: string[]) => {
      const run = runCli(["pin", ...args, dockerfile]);
      assert.equal(run.code, 0, run.stderr);
      return { stdout: asInExample(run.stdout), stderr: asInExample(run.stderr) };
    };

    const [dockerfileShown] = codeBlocks(README);
    assert.equal(dockerfileShown, original);

    const [, pushed1] = blocks("1. Push the base images (version 1)");
    assert.equal(await push(1), pushed1);

    const [, pinnedShown, summary1, lock1] = blocks("2. Pin");
    const first = pin();
    assert.equal(first.stdout, pinnedShown);
    assert.equal(first.stderr, summary1);
    assert.equal(
      readFileSync(dockerfile, "utf8"),
      copy,
      "hardened pin without --write changed the Dockerfile",
    );
    const written1 = asInExample(readFileSync(lockFile, "utf8"));
    assert.equal(untimed(written1), untimed(lock1));
    assert.equal(
      untimed(written1),
      untimed(COMMITTED_LOCK),
      "the committed lock is what step 2 writes",
    );

    const [, pushed2, , summary2] = blocks("3. Someone pushes new images under the same tags");
    assert.equal(await push(2), pushed2);
    assert.notDeepEqual(pushed1, pushed2);
    const second = pin();
    assert.equal(second.stdout, first.stdout, "the pins moved without --update");
    assert.equal(second.stderr, summary2);
    assert.equal(asInExample(readFileSync(lockFile, "utf8")), written1, "the lock was rewritten");

    const [, summary3, changedShown, lock3] = blocks("4. Refresh the pins: `--update`");
    const third = pin("--update");
    assert.equal(third.stderr, summary3);
    const changed = third.stdout
      .split("\n")
      .filter((line, i) => line !== first.stdout.split("\n")[i]);
    assert.equal(`${changed.join("\n")}\n`, changedShown);
    const written3 = asInExample(readFileSync(lockFile, "utf8"));
    assert.equal(untimed(written3), untimed(lock3));
    const moved = Object.fromEntries(
      pushed2
        .trim()
        .split("\n")
        .map((l) => l.split(" ")),
    );
    assert.deepEqual(lockDigests(written3), moved);
  });

  it("HardenedImage pins from the committed lock under hardened preview, even after a re-push", async () => {
    const fromLock = lockDigests(COMMITTED_LOCK);
    const version1 = await pushExampleImages(EXAMPLE_REPOSITORIES, 1);
    assert.deepEqual(
      Object.fromEntries(Object.entries(version1).map(([r, p]) => [r, p.digest])),
      fromLock,
      "the committed lock holds version 1 of the images",
    );
    await pushExampleImages(EXAMPLE_REPOSITORIES, 2);
    try {
      const [, , previewShown] = blocks("Run it with Pulumi");
      const run = runCli(["preview", "examples/pinned-digests"]);
      assert.equal(run.code, 0, run.stdout + run.stderr);
      assert.equal(run.stdout, previewShown);
      const resources = await runProgram(EXAMPLE, {
        config: { "pinned-digests:imageName": `${AS_WRITTEN}app:1.0` },
      });
      const image = resources.find((r) => r.type === HARDENED_IMAGE_BUILD_TYPE);
      const dockerfile = image?.properties.dockerfile as { inline: string } | undefined;
      assert.ok(dockerfile, "the program registered no HardenedImage build step");
      const built = dockerfile.inline;
      const pinned = [...built.matchAll(/^(?:FROM |COPY --from=)(\S+)@(sha256:[a-f0-9]{64})/gm)];
      assert.deepEqual(Object.fromEntries(pinned.map((m) => [m[1], m[2]])), fromLock);
      assert.equal(pinned.length, 3);
    } finally {
      await pushExampleImages(EXAMPLE_REPOSITORIES, 1);
    }
  });
});
