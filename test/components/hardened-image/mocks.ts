import * as pulumi from "@pulumi/pulumi";

/** One resource the program registered, with its inputs. */
export interface Registered {
  readonly type: string;
  readonly name: string;
  readonly inputs: Record<string, unknown>;
}

/** The digest the mocked docker.Image reports as pushed. */
export const PUSHED_DIGEST = `sha256:${"d".repeat(64)}`;

/**
 * Installs Pulumi mocks recording every resource; a `docker:index/image:Image` reports
 * `repoDigest` `<imageName without tag>@PUSHED_DIGEST` (or `options.repoDigest`), as after a push.
 */
export function mockResources(
  options: { readonly repoDigest?: string; readonly preview?: boolean } = {},
): Registered[] {
  const registered: Registered[] = [];
  pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        registered.push({ type: args.type, name: args.name, inputs: args.inputs });
        if (args.type === "docker:index/image:Image") {
          const name = String(args.inputs.imageName).replace(/:[^:/]+$/, "");
          return {
            id: `${args.name}-id`,
            state: { ...args.inputs, repoDigest: options.repoDigest ?? `${name}@${PUSHED_DIGEST}` },
          };
        }
        return { id: `${args.name}-id`, state: args.inputs };
      },
      call: (args) => args.inputs,
    },
    "project",
    "stack",
    options.preview ?? false,
  );
  return registered;
}

/** The value of an output; rejects when computing it threw. */
export function valueOf<T>(output: pulumi.Output<T>): Promise<T> {
  return (output as unknown as { promise(): Promise<T> }).promise();
}
