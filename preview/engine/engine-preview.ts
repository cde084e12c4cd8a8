import { engineViolations } from "./engine-violations";
import { createEngineWorkspace } from "./engine-workspace";
import { EngineOperationResult, runEngineOperation } from "./run-engine-operation";

/** How `hardened preview --engine pulumi` runs. */
export interface EnginePreviewOptions {
  /** The policy pack folder. */
  readonly packDir: string;
  /** The stack name. */
  readonly stack: string;
  /** The stack settings file, when not `<program-dir>/Pulumi.<stack>.yaml`. */
  readonly stackConfigFile?: string;
  /** The `--policy-pack-config` file, when given. */
  readonly policyConfigFile?: string;
  /** The folder of the `pulumi` CLI. */
  readonly engineBin: string;
}

/** What the engine said about a preview. */
export interface EnginePreviewVerdict {
  /** The CLI's own result and output. */
  readonly result: EngineOperationResult;
  /** How many mandatory policy violations the engine reported. */
  readonly mandatory: number;
  /** How many advisory policy violations the engine reported. */
  readonly advisory: number;
}

/**
 * Runs the real `pulumi preview --policy-pack` on a program against a throwaway file backend, with
 * the CLI's output shown as it comes, and counts the policy violations it reported.
 */
export async function runEnginePreview(
  programDir: string,
  options: EnginePreviewOptions,
): Promise<EnginePreviewVerdict> {
  const workspace = createEngineWorkspace(programDir, {
    stack: options.stack,
    stackConfigFile: options.stackConfigFile,
  });
  try {
    const result = await runEngineOperation(workspace, "preview", {
      engineBin: options.engineBin,
      policyPacks: [options.packDir],
      policyPackConfigs: options.policyConfigFile ? [options.policyConfigFile] : [],
      output: "inherit",
    });
    const violations = engineViolations(result.stdout);
    return {
      result,
      mandatory: violations.filter((v) => v.level === "mandatory").length,
      advisory: violations.filter((v) => v.level === "advisory").length,
    };
  } finally {
    workspace.dispose();
  }
}
