import { chmodSync, mkdirSync, writeFileSync } from "fs";
import { basename, join, resolve } from "path";
import { EngineWorkspace } from "./engine-workspace";

/** Quotes a string for a POSIX shell. */
function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * Writes an executable that starts the Node.js policy pack in `packDir`, and returns its path, for
 * `--policy-pack`. The CLI runs a policy pack folder through the Node.js language plugin; given an
 * executable instead, it launches it as a binary analyzer plugin with the engine's address. The
 * launcher then runs the pack exactly as the language plugin does: `@pulumi/pulumi`'s
 * `run-policy-pack <engine-address> .` from the pack's own dependencies, in the pack's folder. The
 * pack, its configuration and the Analyzer protocol are the same; only the launch differs.
 */
export function policyPackLauncher(
  workspace: EngineWorkspace,
  packDir: string,
  index: number,
): string {
  const pack = resolve(packDir);
  const runner = require.resolve("@pulumi/pulumi/cmd/run-policy-pack", { paths: [pack] });
  const dir = join(workspace.workDir, ".policy-packs", String(index));
  mkdirSync(dir, { recursive: true });
  const launcher = join(dir, basename(pack));
  writeFileSync(
    launcher,
    [
      "#!/bin/sh",
      `# Starts the policy pack in ${pack} with the engine address the CLI passes.`,
      `cd ${shellQuote(pack)} || exit 1`,
      `exec ${shellQuote(process.execPath)} ${shellQuote(runner)} "$1" .`,
      "",
    ].join("\n"),
  );
  chmodSync(launcher, 0o755);
  return launcher;
}
