import { strict as assert } from "assert";
import {
  GO_BUILDINFO_MAGIC,
  parseGoBuildInfo,
} from "../../../../rules/image/inventory/go-buildinfo";

const SENTINEL_START = Buffer.from("3077af0c9274080241e1c107e6d618e6", "hex");
const SENTINEL_END = Buffer.from("f932433186182072008242104116d8f2", "hex");

function varint(n: number): Buffer {
  const bytes: number[] = [];
  while (n >= 0x80) {
    bytes.push((n & 0x7f) | 0x80);
    n = Math.floor(n / 128);
  }
  bytes.push(n);
  return Buffer.from(bytes);
}

function prefixed(value: Buffer): Buffer {
  return Buffer.concat([varint(value.length), value]);
}

/** Build information as Go 1.18+ writes it: header, version, module information. */
function buildInfo(goVersion: string, modinfo: string, flags = 0x2): Buffer {
  const header = Buffer.alloc(32);
  GO_BUILDINFO_MAGIC.copy(header);
  header[14] = 8;
  header[15] = flags;
  return Buffer.concat([
    header,
    prefixed(Buffer.from(goVersion)),
    prefixed(Buffer.concat([SENTINEL_START, Buffer.from(modinfo), SENTINEL_END])),
  ]);
}

const MODINFO = [
  "path\texample.com/app/cmd/server",
  "mod\texample.com/app\tv1.2.3\th1:abc=",
  "dep\tgolang.org/x/net\tv0.24.0\th1:def=",
  "dep\tgithub.com/acme/lib\tv1.0.0",
  "=>\tgithub.com/fork/lib\tv1.0.1\th1:ghi=",
  "build\t-ldflags=-w -s",
  "",
].join("\n");

describe("parseGoBuildInfo", () => {
  it("reads the Go version, the main module and the dependencies, replacements applied", () => {
    assert.deepEqual(parseGoBuildInfo(buildInfo("go1.22.3", MODINFO)), {
      goVersion: "go1.22.3",
      main: { path: "example.com/app", version: "v1.2.3" },
      deps: [
        { path: "golang.org/x/net", version: "v0.24.0" },
        { path: "github.com/fork/lib", version: "v1.0.1" },
      ],
    });
  });

  it("gives (devel) to a main module without a version", () => {
    const info = parseGoBuildInfo(buildInfo("go1.26.0", "path\tx\nmod\tx\t\t\n"));
    assert.deepEqual(info?.main, { path: "x", version: "(devel)" });
  });

  it("refuses what is not Go 1.18+ build information", () => {
    assert.equal(parseGoBuildInfo(buildInfo("go1.17", MODINFO, 0)), undefined);
    assert.equal(parseGoBuildInfo(Buffer.from("not a magic at all, just 32 bytes")), undefined);
    assert.equal(parseGoBuildInfo(buildInfo("go1.22", MODINFO).subarray(0, 40)), undefined);
  });
});
