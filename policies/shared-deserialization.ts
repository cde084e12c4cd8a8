import * as sdkDeserialize from "@pulumi/policy/deserialize";
import { rawProperties } from "./raw-properties";
import { recordSecrets, secretStrings, unwrapSecrets } from "./secret-values";

/** The shape of `@pulumi/policy/deserialize` this module relies on (it is internal to the SDK). */
interface DeserializeModule {
  deserializeProperties(struct: object, proxySecrets: boolean): Record<string, unknown>;
}

const sdk = sdkDeserialize as unknown as Partial<DeserializeModule>;

let installed = false;

/** Every properties object handed out for sharing; weak, so it goes with its request. */
const sharedProperties = new WeakSet<object>();

/**
 * Makes `@pulumi/policy` deserialize a resource's properties once per Analyze request instead of
 * once per policy. Its server (`analyze` in `@pulumi/policy/server.js`) calls
 * `deserializeProperties(req.getProperties(), false)` for every resource policy that has no single
 * Pulumi type attached, and this pack has one policy per rule (about 40 apply to every workload
 * type), so that call dominated the pack's Analyze time. The server reads the function from the
 * module at call time, so the export is replaced by a version that remembers its result per
 * request `Struct` (by identity, in a WeakMap, so it is dropped with the request). Only analysis
 * calls (`proxySecrets` false) are shared: remediation keeps its own copy, which remediations
 * change. Analysis properties are deserialized with their secrets marked, the secret values
 * recorded (`secretsOf`, so violations can redact them) and then unwrapped, as the SDK would. The shared object is read-only by contract: no policy of this pack writes to `props`.
 *
 * When the SDK's module does not have the expected shape (the export is missing or cannot be
 * replaced), nothing changes and every policy deserializes as before.
 *
 * @returns true when sharing is active.
 */
export function shareAnalyzeDeserialization(): boolean {
  if (installed) {
    return true;
  }
  const original = sdk.deserializeProperties;
  if (typeof original !== "function") {
    return false;
  }
  const results = new WeakMap<object, Record<string, unknown>>();
  const shared = (struct: object, proxySecrets: boolean): Record<string, unknown> => {
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
  try {
    sdk.deserializeProperties = shared;
  } catch {
    return false;
  }
  installed = sdk.deserializeProperties === shared;
  return installed;
}

/**
 * True when `props` (the plain properties under the SDK's proxies) came from the shared
 * deserialization, so every policy of the request holds this same object and work keyed by it is
 * shared. False when sharing is off, or when the SDK deserialized without it.
 */
export function isSharedAnalyzeProperties(props: object): boolean {
  return sharedProperties.has(props);
}
