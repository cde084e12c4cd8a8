import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";

/** A fresh directory holding `files` (path → content), for a build context. */
export function contextWith(files: Readonly<Record<string, string>>): string {
  const dir = mkdtempSync(join(tmpdir(), "hardened-image-test-"));
  for (const [path, content] of Object.entries(files)) {
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

/** A digest made of one repeated hex digit. */
export function fakeDigest(digit: string): string {
  return `sha256:${digit.repeat(64)}`;
}
