/**
 * The process that runs one operation of a program under the real Pulumi engine: the `pulumi` CLI
 * on PATH drives the deployment, and this process serves the Node.js language runtime to it with
 * the Automation API's inline programs (`--client`), running the program's entry point with the
 * program's own `@pulumi/pulumi`. It streams the CLI's output, writes an `EngineHostResult` to the
 * request's result file and exits with the CLI's exit code.
 *
 * Started by `runEngineOperation` as `node engine-host.js <request.json>`; not a public entry point.
 */
import type * as automationType from "@pulumi/pulumi/automation";
import { readFileSync, writeFileSync } from "fs";
import { createRequire } from "module";
import { join } from "path";
import { EngineHostResult, EngineRequest } from "./engine-request";

/**
 * The CLI's exit code from an Automation API `CommandError`: its message carries the process
 * runner's "Command failed with exit code N" (the error's own `code:` is -2 when the runner, not
 * the CLI, reported the failure).
 */
function exitCodeOf(error: unknown): number | undefined {
  const message = error instanceof Error ? error.message : "";
  const match =
    /Command failed with exit code (\d+)/.exec(message) ?? /^code: (-?\d+)$/m.exec(message);
  return match ? Number(match[1]) : undefined;
}

/** Loads the program the way the Node.js language host does: ts-node for TypeScript, then main. */
function inlineProgram(
  request: EngineRequest,
  programRequire: NodeJS.Require,
): () => Promise<Record<string, unknown> | void> {
  return async () => {
    if (request.entry.endsWith(".ts")) {
      const tsNode = require.resolve("ts-node", { paths: [request.programDir, __dirname] });
      (programRequire(tsNode) as { register(options: object): void }).register({
        transpileOnly: true,
        dir: request.programDir,
      });
    }
    const loaded: unknown = programRequire(request.entry);
    const main = typeof loaded === "function" ? loaded : (loaded as { default?: unknown })?.default;
    if (typeof main === "function") {
      return (await (main as () => unknown)()) as Record<string, unknown> | void;
    }
    return { ...(loaded as Record<string, unknown>) };
  };
}

/** Plain output values, with secrets masked as the CLI masks them. */
function plainOutputs(
  outputs: Record<string, { value: unknown; secret: boolean }>,
): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(outputs).map(([key, output]) => [
      key,
      output.secret ? "[secret]" : output.value,
    ]),
  );
}

/** How long an unhandled program error has to reach the engine's diagnostics before the abort. */
const PROGRAM_ERROR_GRACE_MS = 2_000;

/**
 * Aborts the operation once the program has an unhandled error (an exception, or a rejection no
 * one handles, such as a component output that failed). The Node.js language host ends the
 * program with a failure then; an inline program would instead wait forever on whatever
 * depended on the failed value, since this process keeps serving the engine. The abort sends
 * the CLI SIGINT, which ends the update as failed and unlocks the stack.
 */
function abortOnProgramError(): AbortSignal {
  const controller = new AbortController();
  const failed = () => {
    if (!controller.signal.aborted) {
      setTimeout(() => controller.abort(), PROGRAM_ERROR_GRACE_MS).unref();
    }
  };
  process.on("unhandledRejection", failed);
  process.on("uncaughtException", failed);
  return controller.signal;
}

async function run(request: EngineRequest): Promise<EngineHostResult> {
  const programRequire = createRequire(join(request.programDir, "Pulumi.yaml"));
  const automation = programRequire("@pulumi/pulumi/automation") as typeof automationType;
  const stack = await automation.LocalWorkspace.createOrSelectStack(
    {
      projectName: request.project,
      stackName: request.stack,
      program: inlineProgram(request, programRequire),
    },
    { workDir: request.workDir, envVars: { ...request.env } },
  );
  if (Object.keys(request.config).length > 0) {
    await stack.setAllConfig({ ...request.config });
  }
  const streams = {
    onOutput: (out: string) => process.stdout.write(out),
    onError: (err: string) => process.stderr.write(err),
  };
  const policy = {
    policyPacks: [...request.policyPacks],
    policyPackConfigs: [...request.policyPackConfigs],
  };
  const signal = abortOnProgramError();
  switch (request.operation) {
    case "preview": {
      const result = await stack.preview({ ...streams, ...policy, signal });
      return { exitCode: 0, changes: result.changeSummary };
    }
    case "up": {
      const result = await stack.up({ ...streams, ...policy, signal });
      return {
        exitCode: 0,
        outputs: plainOutputs(result.outputs),
        changes: result.summary.resourceChanges ?? {},
      };
    }
    case "destroy": {
      const result = await stack.destroy({ ...streams, signal });
      return { exitCode: 0, changes: result.summary.resourceChanges ?? {} };
    }
  }
}

async function main(): Promise<void> {
  const request = JSON.parse(readFileSync(process.argv[2], "utf8")) as EngineRequest;
  process.chdir(request.programDir);
  let result: EngineHostResult;
  try {
    result = await run(request);
  } catch (error) {
    const exitCode = exitCodeOf(error);
    result =
      exitCode === undefined
        ? { exitCode: 255, error: error instanceof Error ? error.message : String(error) }
        : { exitCode };
  }
  writeFileSync(request.resultFile, JSON.stringify(result));
  process.exit(result.exitCode);
}

void main();
