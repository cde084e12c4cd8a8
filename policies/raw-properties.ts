/*
 * `@pulumi/policy` hands policies proxies (unknown checking, secret preserving) that answer
 * `__isSpecialProxy` with true and `__getSpecialProxyTarget` with the object they wrap; its own
 * serializer unwraps them the same way.
 */
const IS_SPECIAL_PROXY = "__isSpecialProxy";
const SPECIAL_PROXY_TARGET = "__getSpecialProxyTarget";

/**
 * The plain properties under the policy SDK's proxies: values not known yet stay as the SDK's
 * sentinel strings and secrets as `Secret` objects, so a copy that does not read into them
 * preserves both when it is returned from a remediation.
 */
export function rawProperties(props: object): Record<string, unknown> {
  let value: unknown = props;
  while (
    typeof value === "object" &&
    value !== null &&
    (value as Record<string, unknown>)[IS_SPECIAL_PROXY] === true
  ) {
    value = (value as Record<string, unknown>)[SPECIAL_PROXY_TARGET];
  }
  return value as Record<string, unknown>;
}
