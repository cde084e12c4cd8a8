import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";

const live = new Set<string>();

const SIGNAL_EXIT_CODES: Readonly<Record<string, number>> = { SIGINT: 130, SIGTERM: 143 };

function removeAll(): void {
  for (const dir of live) {
    rmSync(dir, { recursive: true, force: true });
  }
  live.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  removeAll();
  process.exit(SIGNAL_EXIT_CODES[signal]);
}

function watch(): void {
  process.on("exit", removeAll);
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
}

function unwatch(): void {
  process.off("exit", removeAll);
  process.off("SIGINT", onSignal);
  process.off("SIGTERM", onSignal);
}

/**
 * A new temporary directory (`<tmpdir>/<prefix>XXXXXX`) that is removed by `removeTempDir`, or
 * when the process exits, or on SIGINT or SIGTERM (the process then exits with 130 or 143, as a
 * shell reports those signals).
 */
export function makeTempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  if (live.size === 0) {
    watch();
  }
  live.add(dir);
  return dir;
}

/** Removes a directory made by `makeTempDir` with everything in it. */
export function removeTempDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  if (live.delete(dir) && live.size === 0) {
    unwatch();
  }
}
