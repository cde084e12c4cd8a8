import { unwrapSdkProxies } from "./sdk-internals";

/**
 * The plain properties under the policy SDK's proxies (unknown checking, secret preserving):
 * values not known yet stay as the SDK's sentinel strings and secrets as `Secret` objects, so a
 * copy that does not read into them preserves both when it is returned from a remediation. How
 * the proxies are seen through is the fence's business (`sdk-internals`).
 */
export function rawProperties(props: object): Record<string, unknown> {
  return unwrapSdkProxies(props) as Record<string, unknown>;
}
