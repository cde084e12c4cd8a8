import { strict as assert } from "assert";
import { RegistryClient } from "../../oci/client";
import { parsePlatform } from "../../image/platform";
import { readImageFromRegistry } from "../../image/registry-reader";
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { readImageFromArchive } from "../../image/archive-reader";
import { docker, requireDocker } from "../../dev/docker";
import {
  PLAIN_REGISTRY,
  pushMultiPlatformImage,
  requireRegistries,
  uniqueRepository,
} from "../../dev/registry";
import { prepareTestImages, TestImages } from "./test-images";

const client = new RegistryClient();

describe("registry reader (local registry)", function () {
  this.timeout(300_000);
  let images: TestImages | undefined;
  let multi: string;

  before(async function () {
    requireDocker(this);
    await requireRegistries(this);
    images = prepareTestImages();
    const repository = uniqueRepository("platforms");
    await pushMultiPlatformImage(PLAIN_REGISTRY, repository, "1", { format: "docker" });
    multi = `${PLAIN_REGISTRY}/${repository}:1`;
  });
  after(() => images?.cleanup());

  it("reads config, history and layers, and marks the layers of the labelled base", async () => {
    const ref = images?.build("reader", {
      extra: ["COPY --from=deb /usr/bin/true /app/true"],
    }) as string;
    const model = await readImageFromRegistry(ref, {
      client,
      platform: parsePlatform("linux/amd64"),
    });
    assert.equal(model.platform, "linux/amd64");
    assert.equal(model.config.user, "10001:10001");
    assert.deepEqual(model.config.entrypoint, ["/bin/sleep", "infinity"]);
    assert.deepEqual(model.config.healthcheck, {
      test: ["CMD", "/bin/sleep", "0"],
      startPeriodSeconds: 5,
      intervalSeconds: 1,
      retries: 3,
    });
    assert.equal(model.base?.reference, images?.baseTag);
    assert.equal(model.baseLookup, `resolved ${images?.baseTag} (3 layers)`);
    assert.deepEqual(
      model.layers.map((l) => l.fromBase),
      [true, true, true, false],
    );
    assert.deepEqual(
      model.layers[3].entries.map((e) => e.path),
      ["/app", "/app/true"],
    );
    assert.ok(
      model.layers.every((l) => l.compressedSize > 0 && l.uncompressedSize > l.compressedSize),
    );
    assert.match(model.history[model.history.length - 1].createdBy, /ENTRYPOINT/);
  });

  it("marks the same base layers in a docker save archive, by uncompressed digest", async () => {
    const ref = images?.build("saved", {}) as string;
    const dir = mkdtempSync(join(tmpdir(), "hardened-save-"));
    try {
      const archive = join(dir, "image.tar");
      docker(["save", "-o", archive, ref]);
      const model = await readImageFromArchive(archive, parsePlatform("linux/amd64"), client);
      assert.equal(model.base?.reference, images?.baseTag);
      assert.deepEqual(
        model.layers.map((l) => l.fromBase),
        [true, true, true],
      );
      const offline = await readImageFromArchive(archive, parsePlatform("linux/amd64"));
      assert.equal(offline.base, undefined);
      assert.equal(offline.baseLookup, "not looked up");
      assert.deepEqual(
        offline.layers.map((l) => l.fromBase),
        [false, false, false],
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("picks the --platform manifest of a multi-platform image", async () => {
    const model = await readImageFromRegistry(multi, {
      client,
      platform: parsePlatform("linux/arm64"),
    });
    assert.equal(model.platform, "linux/arm64");
    assert.equal(model.layers.length, 1);
    assert.equal(model.baseLookup, "no base labels");
  });

  it("lists the platforms an index has when the asked one is missing", async () => {
    await assert.rejects(
      readImageFromRegistry(multi, { client, platform: parsePlatform("linux/riscv64") }),
      /has no linux\/riscv64 manifest \(it has: linux\/amd64, linux\/arm64\); pass --platform/,
    );
  });
});
