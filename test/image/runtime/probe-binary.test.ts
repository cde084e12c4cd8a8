import { strict as assert } from "assert";
import { spawnSync } from "child_process";
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "fs";
import { arch, tmpdir } from "os";
import { join } from "path";
import { probeBinary, PROBE_WRITE_PATH } from "../../../image/runtime/probe-binary";

describe("runtime probe binary", () => {
  it("is a static x86-64 ELF executable whose entry point is right after its headers", () => {
    const elf = probeBinary();
    assert.deepEqual([...elf.subarray(0, 4)], [0x7f, 0x45, 0x4c, 0x46]);
    assert.equal(elf.readUInt16LE(18), 0x3e);
    assert.equal(elf.readBigUInt64LE(24), 0x400000n + 120n);
    assert.equal(elf.readBigUInt64LE(96), BigInt(elf.length));
    assert.ok(elf.includes(Buffer.from(`${PROBE_WRITE_PATH}\0`)));
  });

  it("exits with the caller's uid (capped at 255) in uid mode, on an x86-64 Linux host", function () {
    if (arch() !== "x64" || process.platform !== "linux") {
      this.skip();
    }
    const dir = mkdtempSync(join(tmpdir(), "hardened-probe-test-"));
    try {
      const probe = join(dir, "probe");
      writeFileSync(probe, probeBinary());
      chmodSync(probe, 0o755);
      const result = spawnSync(probe, ["uid"]);
      assert.equal(result.status, Math.min(process.getuid?.() ?? 0, 255));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
