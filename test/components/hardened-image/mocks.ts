import * as pulumi from "@pulumi/pulumi";
import { HARDENED_IMAGE_BUILD_TYPE } from "../../../rules/docker-resource";

/** One resource the program registered, with its inputs. */
export interface Registered {
  readonly type: string;
  readonly name: string;
  readonly inputs: Record<string, unknown>;
}

/** The digest the mocked build step reports as pushed. */
export const PUSHED_DIGEST = `sha256:${"d".repeat(64)}`;

/**
 * Installs Pulumi mocks recording every resource; HardenedImage's build step
 * (`HARDENED_IMAGE_BUILD_TYPE`) reports `ref` `<repository>@PUSHED_DIGEST` (or
 * `options.repoDigest`), as after a push. A `repoDigest` of null leaves it out, so during a
 * preview it is unknown, as before a push.
 */
export function mockResources(
  options: { readonly repoDigest?: string | null; readonly preview?: boolean } = {},
): Registered[] {
  const registered: Registered[] = [];
  pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        registered.push({ type: args.type, name: args.name, inputs: args.inputs });
        if (args.type === HARDENED_IMAGE_BUILD_TYPE) {
          const ref =
            options.repoDigest === undefined
              ? `${String(args.inputs.repository)}@${PUSHED_DIGEST}`
              : options.repoDigest;
          return {
            id: `${args.name}-id`,
            state: ref === null ? args.inputs : { ...args.inputs, ref },
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

/** Whether an output's value is known (false for a preview's unknowns). */
export function isKnown(output: pulumi.Output<unknown>): Promise<boolean> {
  return (output as unknown as { isKnown: Promise<boolean> }).isKnown;
}
