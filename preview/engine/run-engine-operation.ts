import { spawn } from "child_process";
import { existsSync, readFileSync, writeFileSync } from "fs";
import { policyPackLauncher } from "./policy-pack-launcher";
import { delimiter, dirname, join, resolve } from "path";
import { EngineHostResult, EngineOperation, EngineRequest } from "./engine-request";
import { EngineWorkspace } from "./engine-workspace";

/** How to run one engine operation. */
export interface EngineOperationOptions {
  /**
   * Policy pack folders, for `--policy-pack`.
   * @default []
   */
  readonly policyPacks?: readonly string[];
  /**
   * Policy config files, for `--policy-pack-config`, one per pack in the same order.
   * @default []
   */
  readonly policyPackConfigs?: readonly string[];
  /**
   * Extra stack config, `project:key` → value (plain) or `{ value, secret }`.
   * @default {}
   */
  readonly config?: Readonly<Record<string, string | { value: string; secret: boolean }>>;
  /**
   * The folder holding the `pulumi` CLI and the plugins it should find on PATH.
   * @default the folder of the first `pulumi` on PATH
   */
  readonly engineBin?: string;
  /**
   * Extra environment variables for the CLI and the program. A `PATH` given here replaces the
   * inherited one, still after the engine's own folders.
   * @default {}
   */
  readonly env?: Readonly<Record<string, string>>;
  /**
   * `pipe` collects the CLI's output into the result; `inherit` also shows it as it comes.
   * @default "pipe"
   */
  readonly output?: "pipe" | "inherit";
  /**
   * Give up (and stop the engine) after this many milliseconds.
   * @default 600000
   */
  readonly timeoutMs?: number;
}

/** What one engine operation did. */
export interface EngineOperationResult extends EngineHostResult {
  /** Everything the CLI wrote to standard output. */
  readonly stdout: string;
  /** Everything the CLI (and the program) wrote to standard error. */
  readonly stderr: string;
}

/** Thrown when no `pulumi` CLI can be found. */
export class EngineNotFoundError extends Error {
  constructor(where: string) {
    super(`no pulumi CLI found ${where}`);
    this.name = "EngineNotFoundError";
  }
}

/** The folder of the first `pulumi` executable on PATH, or undefined. */
export function findEngineOnPath(path = process.env.PATH ?? ""): string | undefined {
  return path
    .split(delimiter)
    .filter((dir) => dir !== "")
    .find((dir) => existsSync(join(dir, "pulumi")));
}

/**
 * The folder of the program's `@pulumi/pulumi`, which ships the dynamic provider's plugin
 * (`pulumi-resource-pulumi-nodejs`), as Pulumi's own distribution puts it on PATH.
 */
function sdkDir(workspace: EngineWorkspace): string {
  return dirname(
    require.resolve("@pulumi/pulumi/package.json", { paths: [workspace.program.dir] }),
  );
}

/**
 * The program's `node_modules` folders, for NODE_PATH: plugins the CLI starts in the workspace
 * folder (the dynamic provider, say) resolve the program's packages through it.
 */
function programModulePaths(workspace: EngineWorkspace): string {
  const paths: string[] = [];
  for (let dir = workspace.program.dir; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "node_modules"))) {
      paths.push(join(dir, "node_modules"));
    }
    if (dirname(dir) === dir) {
      return paths.join(delimiter);
    }
  }
}

/** The engine host script: compiled JavaScript, or TypeScript when running from the sources. */
function hostCommand(): string[] {
  const host = resolve(__dirname, `engine-host${__filename.endsWith(".ts") ? ".ts" : ".js"}`);
  return host.endsWith(".ts")
    ? ["-r", require.resolve("ts-node/register/transpile-only"), host]
    : [host];
}

/** The config entries of a request, every value with its secrecy. */
function requestConfig(config: EngineOperationOptions["config"] = {}): EngineRequest["config"] {
  return Object.fromEntries(
    Object.entries(config).map(([key, value]) => [
      key,
      typeof value === "string" ? { value, secret: false } : value,
    ]),
  );
}

/**
 * Runs `pulumi preview`, `up` or `destroy` on the workspace's program with the real Pulumi CLI,
 * against the workspace's file backend. The program is served by an engine host process (the
 * Automation API's inline program support), so no Node.js language plugin is needed; without one,
 * each policy pack is given to the CLI as an executable launcher (see `policyPackLauncher`).
 * Resolves with the CLI's exit code and output; never rejects for a failed operation.
 */
export function runEngineOperation(
  workspace: EngineWorkspace,
  operation: EngineOperation,
  options: EngineOperationOptions = {},
): Promise<EngineOperationResult> {
  const engineBin = options.engineBin ?? findEngineOnPath();
  if (!engineBin || !existsSync(join(engineBin, "pulumi"))) {
    return Promise.reject(
      new EngineNotFoundError(options.engineBin ? `in ${options.engineBin}` : "on PATH"),
    );
  }
  const nonce = `${operation}-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  const request: EngineRequest = {
    operation,
    programDir: workspace.program.dir,
    entry: workspace.program.entry,
    workDir: workspace.workDir,
    project: workspace.program.project,
    stack: workspace.stack,
    policyPacks: (options.policyPacks ?? []).map((pack, index) =>
      existsSync(join(engineBin, "pulumi-language-nodejs"))
        ? resolve(pack)
        : policyPackLauncher(workspace, pack, index),
    ),
    policyPackConfigs: (options.policyPackConfigs ?? []).map((p) => resolve(p)),
    config: requestConfig(options.config),
    env: {
      PULUMI_BACKEND_URL: `file://${workspace.backendDir}`,
      PULUMI_CONFIG_PASSPHRASE: process.env.PULUMI_CONFIG_PASSPHRASE ?? "",
      PULUMI_SKIP_UPDATE_CHECK: "true",
      NODE_PATH: programModulePaths(workspace),
      ...options.env,
      PATH: [
        resolve(engineBin),
        sdkDir(workspace),
        options.env?.PATH ?? process.env.PATH ?? "",
      ].join(delimiter),
    },
    resultFile: join(workspace.workDir, `${nonce}.result.json`),
  };
  const requestFile = join(workspace.workDir, `${nonce}.request.json`);
  writeFileSync(requestFile, JSON.stringify(request));
  const child = spawn(process.execPath, [...hostCommand(), requestFile], {
    env: { ...process.env, ...request.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  const inherit = options.output === "inherit";
  child.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
    if (inherit) process.stdout.write(chunk);
  });
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
    if (inherit) process.stderr.write(chunk);
  });
  const timeoutMs = options.timeoutMs ?? 600_000;
  return new Promise((resolvePromise) => {
    const timer = setTimeout(() => child.kill("SIGINT"), timeoutMs);
    child.once("close", (code) => {
      clearTimeout(timer);
      const host: EngineHostResult = existsSync(request.resultFile)
        ? (JSON.parse(readFileSync(request.resultFile, "utf8")) as EngineHostResult)
        : {
            exitCode: code ?? 255,
            error: `the engine host ended without a result (exit ${code}${code === null ? `, stopped after ${timeoutMs} ms` : ""})`,
          };
      resolvePromise({ ...host, stdout, stderr });
    });
  });
}
