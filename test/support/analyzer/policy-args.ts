import { ResourceValidationArgs, unknownCheckingProxy } from "@pulumi/policy";
import { sdkDeserializeProperties } from "../../../policies/sdk-internals";
import { serializeProperties } from "../../../preview/analyzer/properties";

/**
 * The policy SDK's own deserializer (internal to `@pulumi/policy`, reached through the fence),
 * taken when this module loads, before any test shares it.
 */
const deserializeProperties = sdkDeserializeProperties()!;

/** Thrown by `notApplicable` in {@link policyArgs}, as the policy SDK does. */
export class NotApplicable extends Error {}

/** One resource handed to a policy function directly, without a policy pack process. */
export interface DirectResource {
  readonly type: string;
  readonly name?: string;
  readonly urn?: string;
  /** Inputs; may hold `UNKNOWN` and `secret(...)` from preview/analyzer/properties. */
  readonly props: Readonly<Record<string, unknown>>;
  /** The policy's configuration (what `getConfig()` returns). @default {} */
  readonly config?: Readonly<Record<string, unknown>>;
}

/**
 * The `ResourceValidationArgs` the policy SDK would build for `resource`: its properties go
 * through the engine's wire form and the SDK's own deserializer (secrets unwrapped for analysis,
 * kept as `Secret` for remediation) and unknown-checking proxy.
 */
export function policyArgs(
  resource: DirectResource,
  mode: "analyze" | "remediate" = "analyze",
): ResourceValidationArgs {
  const props = unknownCheckingProxy(
    deserializeProperties(serializeProperties(resource.props), mode === "remediate"),
  );
  const name = resource.name ?? "app";
  return {
    type: resource.type,
    name,
    urn: resource.urn ?? `urn:pulumi:dev::shop::${resource.type}::${name}`,
    props,
    opts: {
      protect: false,
      ignoreChanges: [],
      aliases: [],
      additionalSecretOutputs: [],
      customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
    },
    stackTags: new Map(),
    isType: () => false,
    asType: () => undefined,
    getConfig: <T>() => (resource.config ?? {}) as T,
    notApplicable: (reason?: string): never => {
      throw new NotApplicable(reason);
    },
  } as unknown as ResourceValidationArgs;
}
