import { ResourceValidationPolicy } from "@pulumi/policy";
import { DirectResource, NotApplicable, policyArgs } from "./policy-args";

/** What a policy said about one resource: violation messages, or that it does not apply. */
export type PolicyOutcome = { readonly notApplicable: true } | { readonly violations: string[] };

/** Calls `policy.validateResource` on `resource` as the policy SDK would. */
export async function runPolicy(
  policy: ResourceValidationPolicy,
  resource: DirectResource,
): Promise<PolicyOutcome> {
  const violations: string[] = [];
  const validate = policy.validateResource;
  if (typeof validate !== "function") {
    throw new Error(`policy ${policy.name} has no single validateResource function`);
  }
  try {
    await validate(policyArgs(resource), (message) => violations.push(message));
  } catch (error) {
    if (error instanceof NotApplicable) {
      return { notApplicable: true };
    }
    throw error;
  }
  return { violations };
}

/** The violation messages of an outcome; fails when the policy said it does not apply. */
export function violationsOf(outcome: PolicyOutcome): string[] {
  if ("notApplicable" in outcome) {
    throw new Error("the policy reported itself not applicable");
  }
  return outcome.violations;
}
