import * as pulumi from "@pulumi/pulumi";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { AnalyzedResource } from "./analyzer-client";
import { deserializeProperties } from "./properties";

/** How to run the program. */
export interface CaptureOptions {
  /** @default "project" */
  readonly project?: string;
  /** @default "stack" */
  readonly stack?: string;
  /**
   * Run as `pulumi preview` (outputs of other resources are unknown) or as `pulumi up`.
   * @default true
   */
  readonly preview?: boolean;
  /**
   * Output state of a new resource (what the provider would return), from its type, name and
   * inputs. During a preview the engine sends inputs only, so this rarely matters.
   * @default the inputs
   */
  readonly state?: (args: pulumi.runtime.MockResourceArgs) => Record<string, unknown>;
}

interface RegisterRequest {
  getType(): string;
  getName(): string;
  getParent(): string;
  getCustom(): boolean;
  getObject(): Struct | undefined;
}

interface MockMonitor {
  registerResource(req: RegisterRequest, callback: (error: unknown, res: unknown) => void): unknown;
}

/** Thrown when the Pulumi runtime has no mock monitor to capture from. */
export class CaptureError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CaptureError";
  }
}

/**
 * Runs a Pulumi program under `pulumi.runtime.setMocks` and captures every custom resource it
 * registers, with its inputs exactly as the program serialized them (values not known yet and
 * secrets included) and its parent's URN: the resources the engine would hand a policy pack, ready
 * for `AnalyzerConnection.analyze`. Components (which the engine does not analyze with their
 * inputs) are left out. Replaces the process's Pulumi mocks.
 */
export async function captureProgram(
  program: () => unknown,
  options: CaptureOptions = {},
): Promise<AnalyzedResource[]> {
  await pulumi.runtime.setMocks(
    {
      newResource: (args) => ({
        id: `${args.name}-id`,
        state: options.state?.(args) ?? args.inputs,
      }),
      call: (args) => args.inputs,
    },
    options.project ?? "project",
    options.stack ?? "stack",
    options.preview ?? true,
  );
  const monitor = pulumi.runtime.getMonitor() as unknown as MockMonitor | undefined;
  if (!monitor || typeof monitor.registerResource !== "function") {
    throw new CaptureError("the Pulumi runtime has no mock monitor after setMocks");
  }
  const captured: AnalyzedResource[] = [];
  const pending = new Set<Promise<void>>();
  const register = monitor.registerResource.bind(monitor);
  monitor.registerResource = (req, callback) => {
    let done: () => void = () => undefined;
    const settled = new Promise<void>((resolve) => (done = resolve));
    pending.add(settled);
    return register(req, (error, res) => {
      const urn = (res as { getUrn?: () => string } | undefined)?.getUrn?.();
      if (!error && urn && req.getCustom()) {
        captured.push({
          type: req.getType(),
          name: req.getName(),
          urn,
          properties: deserializeProperties(req.getObject()),
          ...(req.getParent() ? { parent: req.getParent() } : {}),
        });
      }
      callback(error, res);
      done();
    });
  };
  await program();
  let seen = -1;
  while (seen !== pending.size) {
    seen = pending.size;
    await Promise.all(pending);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return captured;
}
