import { strict as assert } from "assert";
import { spawn } from "child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "fs";
import { createServer, Server, Socket } from "net";
import { tmpdir } from "os";
import { join } from "path";
import { Readable } from "stream";
import { gzipSync } from "zlib";
import { readImageFromArchive } from "../../image/archive-reader";
import { readLayer } from "../../image/layer-reader";
import { parsePlatform } from "../../image/platform";
import { digestOf, tarOf } from "./tar-fixtures";

const AMD64 = parsePlatform("linux/amd64");
const ROOT = join(__dirname, "..", "..");

function json(value: unknown): Buffer {
  return Buffer.from(JSON.stringify(value));
}

function configWith(diffIds: string[], labels: Record<string, string> = {}): Buffer {
  return json({
    os: "linux",
    architecture: "amd64",
    config: { User: "10001", Labels: labels },
    rootfs: { type: "layers", diff_ids: diffIds },
  });
}

const blob = (bytes: Buffer) => `blobs/sha256/${digestOf(bytes).slice(7)}`;

function ociManifest(config: Buffer, layers: { digest: string; size: number }[]): Buffer {
  return json({
    schemaVersion: 2,
    mediaType: "application/vnd.oci.image.manifest.v1+json",
    config: {
      mediaType: "application/vnd.oci.image.config.v1+json",
      digest: digestOf(config),
      size: config.length,
    },
    layers: layers.map((l) => ({ mediaType: "application/vnd.oci.image.layer.v1.tar+gzip", ...l })),
  });
}

function ociIndex(digest: string): Buffer {
  return json({
    schemaVersion: 2,
    manifests: [{ mediaType: "application/vnd.oci.image.manifest.v1+json", digest, size: 1 }],
  });
}

describe("archive reader on untrusted archives", () => {
  let dir: string;
  let layer: Buffer;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "hardened-untrusted-test-"));
    layer = await tarOf([{ name: "app/server", mode: 0o755, content: "bin" }]);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  async function archive(name: string, files: Record<string, Buffer>): Promise<string> {
    const path = join(dir, `${name.replace(/\W/g, "-")}.tar`);
    writeFileSync(
      path,
      await tarOf(Object.entries(files).map(([n, content]) => ({ name: n, content }))),
    );
    return path;
  }

  const cases: [string, () => Record<string, Buffer>, string][] = [
    [
      "a manifest.json Config that climbs out",
      () => ({ "manifest.json": json([{ Config: "../../../etc/hostname", Layers: [] }]) }),
      'manifest.json Config ("../../../etc/hostname") does not name a file inside the archive',
    ],
    [
      "a manifest.json layer that climbs out",
      () => ({
        "manifest.json": json([{ Config: "c.json", Layers: ["a/../../x.tar"] }]),
        "c.json": configWith([]),
      }),
      'manifest.json Layers[0] ("a/../../x.tar") does not name a file inside the archive',
    ],
    [
      "an index.json digest that is a path",
      () => ({ "index.json": ociIndex("sha256:../../../etc/hostname") }),
      'a manifest digest in index.json ("sha256:../../../etc/hostname") is not a valid digest',
    ],
    [
      "a layer digest that is a path",
      () => {
        const config = configWith([]);
        const manifest = ociManifest(config, [{ digest: "sha256:../../x", size: 1 }]);
        return {
          "index.json": ociIndex(digestOf(manifest)),
          [blob(manifest)]: manifest,
          [blob(config)]: config,
        };
      },
      'layers[0] digest ("sha256:../../x") is not a valid digest',
    ],
    [
      "a manifest blob that does not match its digest",
      () => {
        const manifest = ociManifest(configWith([]), []);
        const other = json({ schemaVersion: 2, layers: [] });
        return { "index.json": ociIndex(digestOf(manifest)), [blob(manifest)]: other };
      },
      "does not match its digest",
    ],
    [
      "a layer blob that does not match its digest",
      () => {
        const gz = gzipSync(layer);
        const config = configWith([digestOf(layer)]);
        const manifest = ociManifest(config, [{ digest: digestOf(gz), size: gz.length }]);
        return {
          "index.json": ociIndex(digestOf(manifest)),
          [blob(manifest)]: manifest,
          [blob(config)]: config,
          [blob(gz)]: gzipSync(Buffer.concat([layer, Buffer.alloc(512)])),
        };
      },
      "does not match its digest: expected",
    ],
    [
      "a docker save layer that does not match rootfs.diff_ids",
      () => ({
        "manifest.json": json([{ Config: "c.json", Layers: ["l.tar"] }]),
        "c.json": configWith([digestOf(Buffer.from("something else"))]),
        "l.tar": layer,
      }),
      "layer 0 (l.tar) does not match rootfs.diff_ids[0] of the config",
    ],
    [
      "a docker save config that does not match its name",
      () => ({
        "manifest.json": json([{ Config: `${"a".repeat(64)}.json`, Layers: [] }]),
        [`${"a".repeat(64)}.json`]: configWith([]),
      }),
      `${"a".repeat(64)}.json does not match its digest: expected sha256:${"a".repeat(64)}`,
    ],
  ];
  for (const [name, files, message] of cases) {
    it(`refuses ${name}`, async () => {
      const path = await archive(name, files());
      await assert.rejects(readImageFromArchive(path, AMD64), (e: Error) => {
        assert.equal(e.name, "ImageReadError");
        assert.ok(e.message.startsWith(`${path}: `), e.message);
        assert.ok(e.message.includes(message), e.message);
        return true;
      });
    });
  }

  it("stops expanding a layer at the byte budget (a gzip bomb)", async () => {
    const bomb = gzipSync(await tarOf([{ name: "zeros", content: Buffer.alloc(8 * 1024 * 1024) }]));
    assert.ok(bomb.length < 64 * 1024);
    await assert.rejects(readLayer(Readable.from([bomb]), "layer 0", "img", 1024 * 1024), {
      name: "ImageReadError",
      message:
        "img: layer 0 expands to more than 1048576 bytes, the limit (set HARDENED_MAX_LAYER_BYTES to raise it)",
    });
  });

  describe("temporary folder", function () {
    this.timeout(120_000);
    let server: Server;
    const sockets: Socket[] = [];
    let port = 0;
    before(async () => {
      server = createServer((socket) => sockets.push(socket));
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      port = (server.address() as { port: number }).port;
    });
    after(() => {
      sockets.forEach((s) => s.destroy());
      server.close();
    });

    for (const [signal, code] of [
      ["SIGINT", 130],
      ["SIGTERM", 143],
    ] as const) {
      it(`is removed when hardened verify --archive gets ${signal}`, async () => {
        const temp = mkdtempSync(join(dir, "tmp-"));
        const path = await archive(`stalled-base-${signal}`, {
          "manifest.json": json([{ Config: "c.json", Layers: ["l.tar"] }]),
          "c.json": configWith([digestOf(layer)], {
            "org.opencontainers.image.base.name": `127.0.0.1:${port}/stalls/base:1`,
            "org.opencontainers.image.base.digest": `sha256:${"0".repeat(64)}`,
          }),
          "l.tar": layer,
        });
        const child = spawn(
          process.execPath,
          [
            "-r",
            "ts-node/register/transpile-only",
            join(ROOT, "cli", "hardened.ts"),
            "verify",
            "--archive",
            path,
          ],
          { cwd: ROOT, env: { ...process.env, TMPDIR: temp }, stdio: "ignore" },
        );
        const exited = new Promise<number | null>((resolve) => child.on("exit", (c) => resolve(c)));
        const deadline = Date.now() + 90_000;
        const ours = () => readdirSync(temp).filter((name) => name.startsWith("hardened-"));
        while (ours().length === 0 || sockets.length === 0) {
          assert.ok(Date.now() < deadline, "the CLI never reached the stalled base image fetch");
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        assert.ok(ours()[0].startsWith("hardened-archive-"));
        child.kill(signal);
        assert.equal(await exited, code);
        assert.deepEqual(ours(), []);
        assert.ok(existsSync(path));
      });
    }
  });
});
