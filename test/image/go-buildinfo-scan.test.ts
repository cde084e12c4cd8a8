import { strict as assert } from "assert";
import { execFileSync } from "child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { Readable } from "stream";
import { scanGoBuildInfo } from "../../image/go-buildinfo-scan";
import { readLayer } from "../../image/layer-reader";
import { parseGoBuildInfo } from "../../rules/image/inventory/go-buildinfo";
import { serviceUnavailable } from "../../dev/registry";
import { tarOf } from "./tar-fixtures";

function chunks(bytes: Buffer, size: number): Buffer[] {
  const out: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) {
    out.push(bytes.subarray(i, i + size));
  }
  return out;
}

describe("Go build information in a real binary", function () {
  this.timeout(180_000);
  let dir: string;
  let binary: Buffer;
  let goVersion: string;

  before(function () {
    try {
      goVersion = execFileSync("go", ["env", "GOVERSION"], { encoding: "utf8" }).trim();
    } catch {
      serviceUnavailable(this, "go is not on PATH");
    }
    dir = mkdtempSync(join(tmpdir(), "go-buildinfo-"));
    writeFileSync(join(dir, "go.mod"), "module example.com/hello\n\ngo 1.21\n");
    writeFileSync(join(dir, "main.go"), 'package main\n\nfunc main() { println("hello") }\n');
    execFileSync("go", ["build", "-buildvcs=false", "-o", "hello", "."], {
      cwd: dir,
      env: { ...process.env, CGO_ENABLED: "0", GOFLAGS: "-mod=mod", GOPROXY: "off" },
    });
    binary = readFileSync(join(dir, "hello"));
  });
  after(() => {
    if (dir !== undefined) {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("is found by the layer reader in an executable and names the Go version and module", async () => {
    const tar = await tarOf([
      { name: "app/hello", mode: 0o755, content: binary },
      { name: "app/data.bin", mode: 0o644, content: binary },
    ]);
    const layer = await readLayer(Readable.from([tar]), "layer 0", "test");
    const hello = layer.entries.find((e) => e.path === "/app/hello");
    const data = layer.entries.find((e) => e.path === "/app/data.bin");
    assert.equal(data?.goBuildInfo, undefined, "a file that is not executable is not searched");
    assert.ok(hello?.goBuildInfo !== undefined, "the executable's build information was kept");
    assert.deepEqual(parseGoBuildInfo(Buffer.from(hello.goBuildInfo, "latin1")), {
      goVersion,
      main: { path: "example.com/hello", version: "(devel)" },
      deps: [],
    });
  });

  it("finds the same bytes whatever the chunk boundaries", async () => {
    const whole = await scanGoBuildInfo(Readable.from([binary]));
    assert.ok(whole !== undefined);
    for (const size of [7, 4096, 65536 + 3]) {
      assert.equal(
        await scanGoBuildInfo(Readable.from(chunks(binary, size))),
        whole,
        `chunks of ${size}`,
      );
    }
  });

  it("finds nothing in an executable that is not Go", async () => {
    const sleep = readFileSync(execFileSync("which", ["sleep"], { encoding: "utf8" }).trim());
    assert.equal(await scanGoBuildInfo(Readable.from([sleep])), undefined);
  });
});
