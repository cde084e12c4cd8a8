import { ChildProcess, spawn } from "child_process";
import * as path from "path";

/** A policy pack running as a plugin, the way the Pulumi engine starts it. */
export interface PolicyPackProcess {
  /** `127.0.0.1:<port>`: where the pack's Analyzer service listens. */
  readonly address: string;
  /** The plugin process. */
  readonly process: ChildProcess;
  /** Everything the pack wrote to stderr so far. */
  stderr(): string;
  /** Stops the pack and waits for it to exit. */
  stop(): Promise<void>;
}

/** Thrown when a policy pack exits or stays silent instead of printing its port. */
export class PolicyPackStartError extends Error {
  constructor(packDir: string, problem: string, stderr: string) {
    super(`policy pack in ${packDir} did not start: ${problem}${stderr ? `\n${stderr}` : ""}`);
    this.name = "PolicyPackStartError";
  }
}

/** How to start a pack. */
export interface StartPolicyPackOptions {
  /** Engine address passed as the first argument. */
  readonly engineAddress: string;
  /**
   * Give up when no port is printed within this many milliseconds.
   * @default 60000
   */
  readonly timeoutMs?: number;
  /**
   * Extra environment variables for the plugin.
   * @default none
   */
  readonly env?: Readonly<Record<string, string>>;
}

/**
 * Starts the Node.js policy pack in `packDir` exactly as the engine's `pulumi-analyzer-policy`
 * plugin does: `node <@pulumi/pulumi>/cmd/run-policy-pack <engine-address> .` with the pack
 * directory as working directory, `@pulumi/pulumi` resolved from there. Resolves once the pack
 * prints the port of its Analyzer service.
 */
export function startPolicyPack(
  packDir: string,
  options: StartPolicyPackOptions,
): Promise<PolicyPackProcess> {
  const cwd = path.resolve(packDir);
  const runner = path.dirname(
    require.resolve("@pulumi/pulumi/cmd/run-policy-pack", { paths: [cwd] }),
  );
  const child = spawn(process.execPath, [runner, options.engineAddress, "."], {
    cwd,
    env: { ...process.env, ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(
        new PolicyPackStartError(
          cwd,
          `no port printed within ${options.timeoutMs ?? 60000} ms`,
          stderr,
        ),
      );
    }, options.timeoutMs ?? 60000);
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      reject(new PolicyPackStartError(cwd, `it exited with code ${code}`, stderr));
    };
    child.once("exit", onExit);
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /^(\d+)\s*$/m.exec(stdout);
      if (!match) {
        return;
      }
      clearTimeout(timer);
      child.off("exit", onExit);
      resolve({
        address: `127.0.0.1:${match[1]}`,
        process: child,
        stderr: () => stderr,
        stop: async () => {
          if (child.exitCode === null && child.signalCode === null) {
            child.kill();
          }
          await exited;
        },
      });
    });
  });
}
