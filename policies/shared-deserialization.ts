import { Secret } from "@pulumi/policy";
import { runtime } from "@pulumi/pulumi";
import { rawProperties } from "./raw-properties";
import {
  ServiceImplementation,
  replaceDeserializeProperties,
  sdkProxyMarkers,
  wrapAnalyzerService,
} from "./sdk-internals";
import { recordSecrets, secretStrings, unwrapSecrets, withRequestSecrets } from "./secret-values";

let installed: boolean | undefined;

/** Every properties object handed out for sharing; weak, so it goes with its request. */
const sharedProperties = new WeakSet<object>();

/**
 * Makes `@pulumi/policy` deserialize a resource's properties once per Analyze request instead of
 * once per policy. Its server (`analyze` in `@pulumi/policy/server.js`) calls
 * `deserializeProperties(req.getProperties(), false)` for every resource policy that has no single
 * Pulumi type attached, and this pack has one policy per rule (about 40 apply to every workload
 * type), so that call dominated the pack's Analyze time. The server reads the function from the
 * module at call time, so the export is replaced (through the fence, `sdk-internals`) by a version
 * that remembers its result per request `Struct` (by identity, in a WeakMap, so it is dropped with
 * the request). Only analysis calls (`proxySecrets` false) are shared: remediation keeps its own
 * copy, which remediations change. Analysis properties are deserialized with their secrets
 * marked, the secret values recorded (`secretsOf`, so violations can redact them) and then
 * unwrapped, as the SDK would. The shared object is read-only by contract: no policy of this pack
 * writes to `props`.
 *
 * Sharing needs the SDK's proxy markers too (a policy finds the shared object under its proxy by
 * them). When either internal is not as expected, every policy deserializes as the SDK does, and
 * the secret values of each Analyze request are read from the request instead, so violations are
 * redacted all the same.
 *
 * @returns true when sharing is active.
 */
export function shareAnalyzeDeserialization(): boolean {
  if (installed === undefined) {
    installed = sdkProxyMarkers() !== undefined && replaceDeserializeProperties(sharedDeserialize);
    readSecretsFromRequests();
  }
  return installed;
}

let requestSecretsRead = false;

/**
 * Makes a pack whose properties are not deserialized by {@link shareAnalyzeDeserialization} (the
 * fallback, or a platform's own pack composed of `hardenedPolicies` and other policies) redact
 * secret values all the same: the secret strings of each Analyze request are read from the
 * request. Does nothing while sharing is active, which records them itself.
 */
export function readSecretsFromRequests(): void {
  if (installed === true || requestSecretsRead) {
    return;
  }
  requestSecretsRead = true;
  wrapAnalyzerService(readRequestSecrets);
}

function sharedDeserialize(
  original: (struct: object, proxySecrets: boolean) => Record<string, unknown>,
): (struct: object, proxySecrets: boolean) => Record<string, unknown> {
  const results = new WeakMap<object, Record<string, unknown>>();
  return (struct, proxySecrets) => {
    if (proxySecrets || typeof struct !== "object" || struct === null) {
      return original(struct, proxySecrets);
    }
    let props = results.get(struct);
    if (props === undefined) {
      const withSecrets = rawProperties(original(struct, true));
      const secrets = secretStrings(withSecrets);
      props =
        secrets.length === 0
          ? withSecrets
          : (unwrapSecrets(withSecrets) as Record<string, unknown>);
      recordSecrets(props, secrets);
      results.set(struct, props);
      sharedProperties.add(props);
    }
    return props;
  };
}

/** The wire form's secret envelopes (`pulumi.runtime`'s signature) as `Secret` objects. */
function markSecrets(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(markSecrets);
  }
  if (typeof value !== "object" || value === null) {
    return value;
  }
  const record = value as Record<string, unknown>;
  if (record[runtime.specialSigKey] === runtime.specialSecretSig) {
    return new Secret(markSecrets(record.value));
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(record)) {
    out[key] = markSecrets(record[key]);
  }
  return out;
}

type Handler = (call: { request: { getProperties(): unknown } }, callback: unknown) => unknown;

/** Runs each Analyze request's handler with the request's secret strings at hand. */
function readRequestSecrets(implementation: ServiceImplementation): ServiceImplementation {
  const analyze = implementation.analyze as Handler | undefined;
  if (typeof analyze !== "function") {
    return implementation;
  }
  return {
    ...implementation,
    analyze: (call: Parameters<Handler>[0], callback: unknown) => {
      const struct = call.request.getProperties() as { toJavaScript(): unknown } | undefined;
      const secrets = struct === undefined ? [] : secretStrings(markSecrets(struct.toJavaScript()));
      return withRequestSecrets(secrets, () => analyze(call, callback));
    },
  };
}

/**
 * True when `props` (the plain properties under the SDK's proxies) came from the shared
 * deserialization, so every policy of the request holds this same object and work keyed by it is
 * shared. False when sharing is off, or when the SDK deserialized without it.
 */
export function isSharedAnalyzeProperties(props: object): boolean {
  return sharedProperties.has(props);
}
