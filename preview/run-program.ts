import type * as pulumiType from "@pulumi/pulumi";
import { createRequire } from "module";
import { join, sep } from "path";
import { InputError } from "../shared/input-error";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { AnalyzedResource } from "./analyzer/analyzer-client";
import { deserializeProperties } from "./analyzer/properties";
import { programRuntime } from "../policies/sdk-internals";
import { findProgramEntry } from "./program-entry";
import { UnexpandedComponent, expandsOnlyUnderEngine } from "./unexpanded-components";

/** How to run a program for `hardened preview`. */
export interface ProgramRun {
  /** The stack name the program sees. @default "dev" */
  readonly stack?: string;
  /** Stack config as `project:key` → value, as in `Pulumi.<stack>.yaml`. @default {} */
  readonly config?: Readonly<Record<string, string>>;
  /** Config keys whose values are secret. @default [] */
  readonly secretKeys?: readonly string[];
}

interface RegisterRequest {
  getType(): string;
  getName(): string;
  getParent(): string;
  getCustom(): boolean;
  getRemote(): boolean;
  getObject(): Struct | undefined;
}

interface RegisterResponse {
  getUrn(): string;
}

type Callback = (error: Error | null, response?: RegisterResponse) => void;

interface Monitor {
  registerResource(request: RegisterRequest, callback: Callback): void;
}

/** Drops the program's own modules from the require cache, so that each run executes it anew. */
function forgetProgramModules(dir: string, cache: NodeJS.Require["cache"]): void {
  for (const file of Object.keys(cache)) {
    if (file.startsWith(`${dir}${sep}`) && !file.includes(`${sep}node_modules${sep}`)) {
      delete cache[file];
    }
  }
}

/** What a program registered under mocks. */
export interface ProgramCapture {
  /** Every custom resource, with its inputs as the engine hands them to a policy pack. */
  readonly resources: AnalyzedResource[];
  /** Components whose children mocks cannot produce (see `expandsOnlyUnderEngine`). */
  readonly unexpanded: UnexpandedComponent[];
  /**
   * The functions (invokes) the program called, each answered with an empty result under mocks,
   * in call order without repeats: resources built from their results are not seen.
   */
  readonly unansweredInvokes: string[];
}

/**
 * Runs a Pulumi Node.js program in this process under the Pulumi runtime's mocks in preview mode,
 * with no Pulumi CLI, credentials or cluster, and returns every custom resource it registered with
 * its inputs as the engine would hand them to a policy pack: values not known until deployment
 * (every provider-computed output, as in a real preview) are `UNKNOWN`, secrets stay secrets.
 * Components are left out, as the engine analyzes custom resources' inputs only.
 *
 * The program's own `@pulumi/pulumi` is used, so mocks reach the same runtime the program uses.
 * Errors in the program become an `InputError` naming the program.
 */
export async function runProgram(
  programDir: string,
  run: ProgramRun = {},
): Promise<AnalyzedResource[]> {
  return (await captureProgram(programDir, run)).resources;
}

/**
 * Runs a program as `runProgram` does, and also lists the components whose children it could not
 * see: remote components (expanded by their provider, e.g. `helm.v4.Chart`, `yaml.v2.ConfigGroup`)
 * and the SDK components that expand from a provider call (`yaml.ConfigFile`, `helm.v3.Chart`, …).
 */
export async function captureProgram(
  programDir: string,
  run: ProgramRun = {},
): Promise<ProgramCapture> {
  const program = findProgramEntry(programDir);
  const programRequire = createRequire(join(program.dir, "Pulumi.yaml"));
  let pulumi: typeof pulumiType;
  try {
    pulumi = programRequire("@pulumi/pulumi") as typeof pulumiType;
  } catch {
    throw new InputError(
      `${programDir}: cannot load @pulumi/pulumi from the program's folder; install its dependencies first`,
    );
  }
  const settings = programRuntime<Monitor>(programRequire, pulumi.runtime);
  if (program.entry.endsWith(".ts")) {
    const tsNode = require.resolve("ts-node", { paths: [program.dir, __dirname] });
    (programRequire(tsNode) as { register(options: object): void }).register({
      transpileOnly: true,
      dir: program.dir,
    });
  }
  pulumi.runtime.setAllConfig({ ...program.configDefaults, ...(run.config ?? {}) }, [
    ...(run.secretKeys ?? []),
  ]);
  const unansweredInvokes: string[] = [];
  await pulumi.runtime.setMocks(
    {
      newResource: (args) => ({ id: undefined, state: args.inputs }),
      call: (args) => {
        if (!unansweredInvokes.includes(args.token)) {
          unansweredInvokes.push(args.token);
        }
        return {};
      },
    },
    program.project,
    run.stack ?? "dev",
    true,
  );
  const captured: AnalyzedResource[] = [];
  const unexpanded: UnexpandedComponent[] = [];
  const monitor = settings.getMonitor();
  const register = monitor.registerResource.bind(monitor);
  monitor.registerResource = (request, callback) =>
    register(request, (error, response) => {
      const component = { type: request.getType(), name: request.getName() };
      if (
        !error &&
        !request.getCustom() &&
        expandsOnlyUnderEngine(component, request.getRemote())
      ) {
        unexpanded.push(component);
      }
      if (!error && response && request.getCustom()) {
        captured.push({
          type: request.getType(),
          name: request.getName(),
          urn: response.getUrn(),
          properties: deserializeProperties(request.getObject()),
          ...(request.getParent() ? { parent: request.getParent() } : {}),
        });
      }
      callback(error, response);
    });
  const failures: unknown[] = [];
  let stop: (reason: Error) => void = () => undefined;
  const stopped = new Promise<never>((_, reject) => (stop = reject));
  const onRejection = (reason: unknown) => {
    failures.push(reason);
    stop(reason instanceof Error ? reason : new Error(String(reason)));
  };
  const onStall = () =>
    stop(
      new Error(
        "it stopped before all its resources were registered: an input never resolved, and no error was reported",
      ),
    );
  // A resource whose inputs fail (a component's failed lookup, say) surfaces only as an unhandled
  // rejection, after the RPC queue has drained or instead of draining it: wait for either.
  process.on("unhandledRejection", onRejection);
  process.on("beforeExit", onStall);
  try {
    forgetProgramModules(program.dir, programRequire.cache);
    const loaded: unknown = programRequire(program.entry);
    const main = typeof loaded === "function" ? loaded : (loaded as { default?: unknown })?.default;
    await Promise.race([
      (async () => {
        if (typeof main === "function") {
          await (main as () => unknown)();
        }
        await settings.waitForRPCs();
        await new Promise((resolve) => setTimeout(resolve, 50));
      })(),
      stopped,
    ]);
  } catch (error) {
    failures.push(error);
  } finally {
    process.off("unhandledRejection", onRejection);
    process.off("beforeExit", onStall);
  }
  if (failures.length > 0) {
    const first = failures[0];
    throw new InputError(
      `${programDir}: the program failed: ${first instanceof Error ? first.message : String(first)}`,
    );
  }
  return { resources: captured, unexpanded, unansweredInvokes };
}
