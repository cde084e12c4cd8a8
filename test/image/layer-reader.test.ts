import { strict as assert } from "assert";
import { Readable } from "stream";
import { gzipSync } from "zlib";
import { ImageReadError } from "../../image/errors";
import { readLayer } from "../../image/layer-reader";
import { normalizeTarPath } from "../../image/tar-path";
import { tarOf } from "./tar-fixtures";

const ENTRIES = [
  { name: "./etc/", type: "directory" as const, mode: 0o755 },
  { name: "./etc/passwd", content: "root:x:0:0:root:/root:/sbin/nologin\n" },
  { name: "usr/bin/su", mode: 0o4755, content: "ELF" },
  { name: "bin", type: "symlink" as const, linkname: "usr/bin" },
  { name: "usr/bin/sh2", type: "link" as const, linkname: "./usr/bin/su" },
  { name: "root/.wh.secret" },
];

describe("layer reader", () => {
  for (const [name, compress] of [
    ["a gzip-compressed layer (registry blobs)", gzipSync],
    ["a plain tar layer (docker save)", (b: Buffer) => b],
  ] as const) {
    it(`reads ${name} with modes, links, whiteouts and kept content`, async () => {
      const tar = await tarOf(ENTRIES);
      const layer = await readLayer(Readable.from([compress(tar)]), "layer 0", "test");
      assert.equal(layer.uncompressedSize, tar.length);
      assert.deepEqual(
        layer.entries.map((e) => [e.path, e.type, e.mode, e.linkTarget ?? null]),
        [
          ["/etc", "directory", 0o755, null],
          ["/etc/passwd", "file", 0o644, null],
          ["/usr/bin/su", "file", 0o4755, null],
          ["/bin", "symlink", 0o644, "usr/bin"],
          ["/usr/bin/sh2", "hardlink", 0o644, "/usr/bin/su"],
          ["/root/.wh.secret", "file", 0o644, null],
        ],
      );
      assert.equal(layer.entries[1].content, "root:x:0:0:root:/root:/sbin/nologin\n");
      assert.equal(layer.entries[2].content, undefined);
    });
  }

  it("refuses zstd layers with an explicit error", async () => {
    const zstd = Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0, 0, 0, 0]);
    await assert.rejects(
      readLayer(Readable.from([zstd]), "layer 2 (sha256:abc)", "img:1"),
      (e: Error) => {
        assert.ok(e instanceof ImageReadError);
        assert.match(e.message, /^img:1: layer 2 \(sha256:abc\) is zstd-compressed/);
        return true;
      },
    );
  });

  it("reports a corrupt gzip layer as an ImageReadError naming the layer", async () => {
    const corrupt = Buffer.concat([
      gzipSync(Buffer.alloc(2048)).subarray(0, 20),
      Buffer.from("garbage"),
    ]);
    await assert.rejects(
      readLayer(Readable.from([corrupt]), "layer 1", "img:1"),
      /img:1: layer 1 is not a readable tar layer/,
    );
  });

  it("normalizes tar paths as Docker's extraction cleans them", () => {
    const cases: [string, string | null][] = [
      ["./", "/"],
      [".", "/"],
      ["/usr/bin/", "/usr/bin"],
      ["./etc/passwd", "/etc/passwd"],
      ["a//", "/a"],
      ["bin/./sh", "/bin/sh"],
      ["bin//sh", "/bin/sh"],
      ["usr/../bin/sh", "/bin/sh"],
      ["./usr/bin/./apt-get", "/usr/bin/apt-get"],
      ["etc/./passwd", "/etc/passwd"],
      ["//./bin/../bin///sh/", "/bin/sh"],
      ["/../bin/sh", "/bin/sh"],
      ["../bin/sh", null],
      ["a/../../bin/sh", null],
      ["./../x", null],
    ];
    assert.deepEqual(
      cases.map(([name]) => [name, normalizeTarPath(name)]),
      cases,
    );
  });

  it("refuses a layer whose entry climbs out of the root, as Docker does", async () => {
    await assert.rejects(
      readLayer(Readable.from([await tarOf([{ name: "../../etc/cron.d/x" }])]), "layer 2", "img:1"),
      {
        name: "ImageReadError",
        message:
          'img:1: layer 2 has an entry whose path climbs out of the image root ("../../etc/cron.d/x"); Docker refuses such a layer',
      },
    );
  });
});
