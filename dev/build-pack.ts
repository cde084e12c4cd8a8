import * as path from "path";
import * as ts from "typescript";
import { PACK_LIB, copyCompiledPack } from "../policies/publish";

/** The repository root. */
export const REPO_ROOT = path.resolve(__dirname, "..");

/** The policy pack directory, as passed to `pulumi preview --policy-pack`. */
export const PACK_DIR = path.join(REPO_ROOT, "policies");

let built = false;

/**
 * Compiles the policy pack, the ready packs per profile (`packs/`) and everything they import
 * into `bin/`, and the pack's code into `policies/lib/`, exactly where `npm run build` (run by
 * `npm ci` through `prepare`) puts them, so the pack the tests start is the current source.
 * Type errors are left to `tsc -p tsconfig.test.json`; only emitting is needed here. Runs once
 * per test process.
 */
export function buildPack(): void {
  if (built) {
    return;
  }
  const configPath = path.join(REPO_ROOT, "tsconfig.json");
  const config = ts.getParsedCommandLineOfConfigFile(
    configPath,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
      },
    },
  );
  if (!config) {
    throw new Error(`cannot read ${configPath}`);
  }
  const entries = ["index.ts", "profiles/baseline.ts", "profiles/restricted.ts"];
  const program = ts.createProgram(
    entries.map((entry) => path.join(PACK_DIR, entry)),
    { ...config.options, declaration: false, sourceMap: false },
  );
  const result = program.emit();
  if (result.emitSkipped) {
    throw new Error("TypeScript did not emit the policy pack");
  }
  copyCompiledPack(PACK_LIB);
  built = true;
}
