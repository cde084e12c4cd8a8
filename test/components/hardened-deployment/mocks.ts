import * as pulumi from "@pulumi/pulumi";

/** One resource the program registered, with the inputs it was given. */
export interface CapturedResource {
  readonly type: string;
  readonly name: string;
  readonly inputs: Record<string, unknown>;
  readonly provider?: string;
}

/**
 * Installs Pulumi mocks that record every registered resource and echo its inputs as its state.
 * Call in `beforeEach`; the returned list is emptied by each call.
 */
export function captureResources(preview = false): CapturedResource[] {
  const captured: CapturedResource[] = [];
  pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        captured.push({
          type: args.type,
          name: args.name,
          inputs: args.inputs as Record<string, unknown>,
          provider: args.provider,
        });
        return { id: `${args.name}-id`, state: args.inputs };
      },
      call: (args) => args.inputs,
    },
    "project",
    "stack",
    preview,
  );
  return captured;
}

/** The value of an output; rejects when computing it threw. Unknown values come back undefined. */
export function valueOf<T>(output: pulumi.Output<T>): Promise<T> {
  return (output as unknown as { promise(): Promise<T> }).promise();
}

/** True when `output` is not known (during a preview). */
export async function isKnown(output: pulumi.Output<unknown>): Promise<boolean> {
  return (output as unknown as { isKnown: Promise<boolean> }).isKnown;
}

/** The captured resource of `type`; throws naming the types captured when there is none. */
export function resourceOf(captured: readonly CapturedResource[], type: string): CapturedResource {
  const found = captured.find((r) => r.type === type);
  if (!found) {
    throw new Error(`no ${type} registered; got ${captured.map((r) => r.type).join(", ")}`);
  }
  return found;
}

/** An output whose value is not known, as during a preview before the resource exists. */
export function unknownOutput<T>(): pulumi.Output<T> {
  const OutputClass = pulumi.Output as unknown as new (
    resources: Set<pulumi.Resource>,
    promise: Promise<unknown>,
    isKnown: Promise<boolean>,
    isSecret: Promise<boolean>,
    allResources: Promise<Set<pulumi.Resource>>,
  ) => pulumi.Output<T>;
  return new OutputClass(
    new Set(),
    Promise.resolve(undefined),
    Promise.resolve(false),
    Promise.resolve(false),
    Promise.resolve(new Set()),
  );
}
