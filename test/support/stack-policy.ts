import { StackValidationArgs, StackValidationPolicy, unknownCheckingProxy } from "@pulumi/policy";
import { hardenedPolicies } from "../../policies/pack";

/** A resource of a stack, as a stack policy is handed it. */
export interface StackResource {
  readonly type: string;
  readonly name: string;
  readonly props: Record<string, unknown>;
}

/** The pack's stack policy `name`. */
export function stackPolicy(name: string): StackValidationPolicy {
  return hardenedPolicies().find((p) => p.name === name) as StackValidationPolicy;
}

/**
 * Runs a stack policy over `resources` (props behind the SDK's unknown-checking proxy, as the
 * engine's AnalyzeStack gives them) and returns each report as [message, urn].
 */
export async function validateStackPolicy(
  policy: StackValidationPolicy,
  resources: readonly StackResource[],
  config: Record<string, unknown> = {},
): Promise<[string, string | undefined][]> {
  const reported: [string, string | undefined][] = [];
  const args = {
    resources: resources.map((r) => ({
      ...r,
      urn: `urn:pulumi:dev::shop::${r.type}::${r.name}`,
      props: unknownCheckingProxy(r.props),
    })),
    getConfig: () => config,
    notApplicable: () => {
      throw new Error("not applicable");
    },
  } as unknown as StackValidationArgs;
  await policy.validateStack(args, (message, urn) => reported.push([message, urn]));
  return reported;
}
