import { strict as assert } from "assert";
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { gzipSync } from "zlib";
import { readImageFromArchive } from "../../image/archive-reader";
import { ImageReadError } from "../../image/errors";
import { parsePlatform } from "../../image/platform";
import { digestOf, tarOf } from "./tar-fixtures";

const AMD64 = parsePlatform("linux/amd64");

function json(value: unknown): Buffer {
  return Buffer.from(JSON.stringify(value));
}

const CONFIG = json({
  os: "linux",
  architecture: "amd64",
  config: { User: "10001", Labels: { a: "b" } },
  history: [{ created_by: "COPY app /app" }],
  rootfs: { type: "layers", diff_ids: [] },
});

describe("archive reader", () => {
  let dir: string;
  let layer: Buffer;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "hardened-archive-test-"));
    layer = await tarOf([{ name: "app/server", mode: 0o755, content: "bin" }]);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  async function archive(name: string, files: Record<string, Buffer>): Promise<string> {
    const path = join(dir, name);
    writeFileSync(
      path,
      await tarOf(Object.entries(files).map(([n, content]) => ({ name: n, content }))),
    );
    return path;
  }

  it("reads an OCI layout tarball through a nested multi-platform index", async () => {
    const gz = gzipSync(layer);
    const manifestFor = (config: Buffer) =>
      json({
        schemaVersion: 2,
        mediaType: "application/vnd.oci.image.manifest.v1+json",
        config: {
          mediaType: "application/vnd.oci.image.config.v1+json",
          digest: digestOf(config),
          size: config.length,
        },
        layers: [
          {
            mediaType: "application/vnd.oci.image.layer.v1.tar+gzip",
            digest: digestOf(gz),
            size: gz.length,
          },
        ],
      });
    const armConfig = json({ os: "linux", architecture: "arm64", config: { User: "0" } });
    const amd = manifestFor(CONFIG);
    const arm = manifestFor(armConfig);
    const index = json({
      schemaVersion: 2,
      mediaType: "application/vnd.oci.image.index.v1+json",
      manifests: [
        {
          mediaType: "application/vnd.oci.image.manifest.v1+json",
          digest: digestOf(arm),
          size: arm.length,
          platform: { os: "linux", architecture: "arm64" },
        },
        {
          mediaType: "application/vnd.oci.image.manifest.v1+json",
          digest: digestOf(amd),
          size: amd.length,
          platform: { os: "linux", architecture: "amd64" },
        },
      ],
    });
    const blob = (b: Buffer) => `blobs/sha256/${digestOf(b).slice(7)}`;
    const path = await archive("oci.tar", {
      "oci-layout": json({ imageLayoutVersion: "1.0.0" }),
      "index.json": json({
        schemaVersion: 2,
        manifests: [
          {
            mediaType: "application/vnd.oci.image.index.v1+json",
            digest: digestOf(index),
            size: index.length,
          },
        ],
      }),
      [blob(index)]: index,
      [blob(amd)]: amd,
      [blob(arm)]: arm,
      [blob(CONFIG)]: CONFIG,
      [blob(armConfig)]: armConfig,
      [blob(gz)]: gz,
    });
    const model = await readImageFromArchive(path, AMD64);
    assert.equal(model.source, path);
    assert.equal(model.digest, digestOf(amd));
    assert.equal(model.platform, "linux/amd64");
    assert.equal(model.config.user, "10001");
    assert.deepEqual(
      model.layers.map((l) => [l.digest, l.compressedSize, l.uncompressedSize]),
      [[digestOf(gz), gz.length, layer.length]],
    );
    assert.deepEqual(
      model.layers[0].entries.map((e) => e.path),
      ["/app/server"],
    );
    await assert.rejects(
      readImageFromArchive(path, parsePlatform("linux/s390x")),
      /has no linux\/s390x manifest \(it has: linux\/arm64, linux\/amd64\)/,
    );
  });

  it("reads a docker save tarball, naming layers by their diff ids", async () => {
    const config = json({
      ...JSON.parse(CONFIG.toString()),
      rootfs: { type: "layers", diff_ids: [digestOf(layer)] },
    });
    const path = await archive("save.tar", {
      "manifest.json": json([
        { Config: "abc.json", RepoTags: ["app:1"], Layers: ["l1/layer.tar"] },
      ]),
      "abc.json": config,
      "l1/layer.tar": layer,
    });
    const model = await readImageFromArchive(path, AMD64);
    assert.deepEqual(
      model.layers.map((l) => [l.digest, l.uncompressedSize]),
      [[digestOf(layer), layer.length]],
    );
    assert.deepEqual(model.history, [{ createdBy: "COPY app /app", emptyLayer: false }]);
  });

  const BROKEN: [string, Record<string, Buffer>, RegExp][] = [
    ["no manifest.json or index.json", { "x.txt": json({}) }, /the archive has no index\.json/],
    [
      "a missing layer",
      { "manifest.json": json([{ Config: "c.json", Layers: ["gone.tar"] }]), "c.json": CONFIG },
      /has no gone\.tar \(layer 0\)/,
    ],
    [
      "two images",
      { "manifest.json": json([{ Config: "c.json" }, { Config: "c.json" }]), "c.json": CONFIG },
      /holds 2 images/,
    ],
    [
      "a config that is not JSON",
      { "manifest.json": json([{ Config: "c.json", Layers: [] }]), "c.json": Buffer.from("{") },
      /the image config is not JSON/,
    ],
  ];
  for (const [name, files, message] of BROKEN) {
    it(`names the problem of an archive with ${name}`, async () => {
      const path = await archive(`${name.replace(/\W/g, "-")}.tar`, files);
      await assert.rejects(readImageFromArchive(path, AMD64), (e: Error) => {
        assert.ok(e instanceof ImageReadError);
        assert.match(e.message, message);
        assert.ok(e.message.startsWith(path));
        return true;
      });
    });
  }

  it("names a missing archive file", async () => {
    await assert.rejects(
      readImageFromArchive(join(dir, "nope.tar"), AMD64),
      /nope\.tar: no such archive file/,
    );
  });
});
