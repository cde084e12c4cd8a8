import { createRequire } from "module";
import { types } from "util";

/*
 * The fence: the only module that reaches into the Pulumi SDKs beyond their public surface.
 * Each internal below is checked for the shape this project was tested with (package.json pins
 * `@pulumi/policy` and `@pulumi/pulumi` with tilde ranges) the first time it is asked for; when the
 * shape differs, the public fallback is used and one line says so on stderr (a policy pack's
 * stderr is in the engine's log), once per internal and process. Every fallback gives the same
 * results, except `policy-grpc-server`, which has no public replacement (see its entry).
 * `docs/upstream/` holds the change to `@pulumi/policy` that would retire the deserialization one.
 */

/** The internals of the Pulumi SDKs this project relies on. */
export type SdkInternal =
  /** `deserializeProperties` of `@pulumi/policy/deserialize`, replaced to deserialize once per request. */
  | "policy-deserialize"
  /** The unknown-value sentinel strings of `@pulumi/policy/proxy`. */
  | "policy-proxy-sentinels"
  /** The `__isSpecialProxy` / `__getSpecialProxyTarget` markers of the SDK's proxies. */
  | "policy-proxy-markers"
  /** `Server.prototype.addService` of the `@grpc/grpc-js` that `@pulumi/policy` serves with. */
  | "policy-grpc-server"
  /** `waitForRPCs` of a program's `@pulumi/pulumi/runtime/settings`. */
  | "pulumi-runtime-settings";

/** Every internal, in the order they are described. */
export const SDK_INTERNALS: readonly SdkInternal[] = [
  "policy-deserialize",
  "policy-proxy-sentinels",
  "policy-proxy-markers",
  "policy-grpc-server",
  "pulumi-runtime-settings",
];

/**
 * Environment variable that makes the named internals (comma-separated, or `all`) count as
 * missing, so their fallbacks can be tried and tested on the installed SDKs.
 */
export const SDK_FALLBACK_ENV = "HARDENED_SDK_FALLBACK";

/** What each fallback does, as the one line printed when it is taken says it. */
const FALLBACKS: Readonly<Record<SdkInternal, string>> = {
  "policy-deserialize":
    "every policy deserializes a resource's properties itself, and secrets are read from the request (slower, same results)",
  "policy-proxy-sentinels": "the Pulumi protocol's unknown-value sentinels are used",
  "policy-proxy-markers":
    "the properties under the SDK's proxies are copied through the Proxy's descriptors (slower, same results)",
  "policy-grpc-server":
    'the "hardened" section and the pack\'s checks of the configuration (who may lower a level, unknown names) are not applied; each policy reads only its own settings, at the level the SDK gives it; secret values are redacted from violations only while the deserialization is shared',
  "pulumi-runtime-settings":
    "pulumi.runtime.disconnect() waits for the program's registrations instead (same results)",
};

const warned = new Set<SdkInternal>();
const sdkRequire = createRequire(__filename);

/** True when {@link SDK_FALLBACK_ENV} names `internal` (or `all`). */
function isSimulatedMissing(internal: SdkInternal): boolean {
  const names = (process.env[SDK_FALLBACK_ENV] ?? "").split(",").map((s) => s.trim());
  return names.includes("all") || names.includes(internal);
}

function version(pkg: string, from: NodeJS.Require): string {
  try {
    return (from(`${pkg}/package.json`) as { version: string }).version.replace(/^v/, "");
  } catch {
    return "(unknown version)";
  }
}

/**
 * Prints, once per internal and process, that `internal` is not usable and what is done instead.
 * @param problem what is wrong with it, e.g. "it has no deserializeProperties export".
 */
function fallBack(internal: SdkInternal, pkg: string, problem: string, from = sdkRequire): void {
  if (warned.has(internal)) {
    return;
  }
  warned.add(internal);
  console.error(
    `hardened: ${pkg} ${version(pkg, from)}: ${problem} (${internal}); ${FALLBACKS[internal]}`,
  );
}

/** The module at `specifier`, or the reason it cannot be used (missing, or simulated missing). */
function load(
  internal: SdkInternal,
  specifier: string,
  from: NodeJS.Require = sdkRequire,
): { module: Record<string, unknown> } | { problem: string } {
  if (isSimulatedMissing(internal)) {
    return { problem: `${specifier} is treated as missing (${SDK_FALLBACK_ENV})` };
  }
  try {
    const loaded: unknown = from(specifier);
    return typeof loaded === "object" && loaded !== null
      ? { module: loaded as Record<string, unknown> }
      : { problem: `${specifier} is not a module object` };
  } catch {
    return { problem: `${specifier} cannot be loaded` };
  }
}

// ---------------------------------------------------------------------------------------------
// policy-deserialize

/** `deserializeProperties(struct, proxySecrets)` of `@pulumi/policy/deserialize`. */
export type DeserializeProperties = (
  struct: object,
  proxySecrets: boolean,
) => Record<string, unknown>;

/**
 * What is wrong with `module` as `@pulumi/policy/deserialize`, or undefined when it has the shape
 * this project replaces: a writable `deserializeProperties(struct, proxySecrets)` export.
 */
export function deserializeModuleProblem(module: Record<string, unknown>): string | undefined {
  const export_ = Object.getOwnPropertyDescriptor(module, "deserializeProperties");
  if (export_ === undefined) {
    return "it has no deserializeProperties export";
  }
  if (typeof export_.value !== "function") {
    return "its deserializeProperties is not a function";
  }
  if ((export_.value as DeserializeProperties).length !== 2) {
    return `its deserializeProperties takes ${(export_.value as DeserializeProperties).length} parameters, not (struct, proxySecrets)`;
  }
  return export_.writable === true ? undefined : "its deserializeProperties cannot be replaced";
}

let deserializeModule: Record<string, unknown> | null | undefined;

function usableDeserializeModule(): Record<string, unknown> | undefined {
  if (deserializeModule === undefined) {
    const loaded = load("policy-deserialize", "@pulumi/policy/deserialize");
    const problem = "problem" in loaded ? loaded.problem : deserializeModuleProblem(loaded.module);
    if (problem !== undefined) {
      fallBack("policy-deserialize", "@pulumi/policy", problem);
    }
    deserializeModule = problem === undefined && "module" in loaded ? loaded.module : null;
  }
  return deserializeModule ?? undefined;
}

/**
 * The function `@pulumi/policy`'s server calls (at call time) to deserialize a request's
 * properties, as its module holds it now (replaced once {@link replaceDeserializeProperties} ran);
 * undefined when the module does not have the expected shape.
 */
export function sdkDeserializeProperties(): DeserializeProperties | undefined {
  return usableDeserializeModule()?.deserializeProperties as DeserializeProperties | undefined;
}

/**
 * Replaces the SDK's `deserializeProperties` with `make(original)`.
 * @returns false, having changed nothing, when the module does not have the expected shape.
 */
export function replaceDeserializeProperties(
  make: (original: DeserializeProperties) => DeserializeProperties,
): boolean {
  const module = usableDeserializeModule();
  if (module === undefined) {
    return false;
  }
  const replacement = make(module.deserializeProperties as DeserializeProperties);
  module.deserializeProperties = replacement;
  return module.deserializeProperties === replacement;
}

// ---------------------------------------------------------------------------------------------
// policy-proxy-sentinels and policy-proxy-markers

/**
 * The Pulumi protocol's sentinel strings for values not known during preview, one per type (the
 * engine sends the string one, `pulumi.runtime.unknownValue`; the others come from older engines).
 * `@pulumi/policy` 1.21 has the same values; the fallback when it no longer exports them.
 */
const PROTOCOL_UNKNOWN_SENTINELS: readonly string[] = [
  "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7",
  "3eeb2bf0-c639-47a8-9e75-3b44932eb421",
  "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
  "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2",
  "030794c1-ac77-496b-92df-f27374a8bd58",
  "e48ece36-62e2-4504-bad9-02848725956a",
  "dd056dcd-154b-4c76-9bd3-c8f88648b5ff",
];

const SENTINEL_EXPORTS = [
  "unknownBooleanValue",
  "unknownNumberValue",
  "unknownStringValue",
  "unknownArrayValue",
  "unknownAssetValue",
  "unknownArchiveValue",
  "unknownObjectValue",
];

/**
 * The sentinels `module` (as `@pulumi/policy/proxy`) exports, or the reason it does not: each of
 * the seven `unknown*Value` exports must be a non-empty string.
 */
export function proxySentinelsOf(module: Record<string, unknown>): string[] | { problem: string } {
  const values = SENTINEL_EXPORTS.map((name) => module[name]);
  const missing = SENTINEL_EXPORTS.filter((_, i) => typeof values[i] !== "string" || !values[i]);
  return missing.length === 0
    ? (values as string[])
    : { problem: `it has no string ${missing.join(", ")}` };
}

let sentinels: ReadonlySet<unknown> | undefined;

/** The strings `@pulumi/policy` puts where a value is not known yet (its own, or the protocol's). */
export function unknownSentinels(): ReadonlySet<unknown> {
  if (sentinels === undefined) {
    const loaded = load("policy-proxy-sentinels", "@pulumi/policy/proxy");
    const found = "problem" in loaded ? loaded : proxySentinelsOf(loaded.module);
    if ("problem" in found) {
      fallBack("policy-proxy-sentinels", "@pulumi/policy", found.problem);
    }
    sentinels = new Set("problem" in found ? PROTOCOL_UNKNOWN_SENTINELS : found);
  }
  return sentinels;
}

/** The proxy marker property names of `@pulumi/policy/proxy`. */
export interface ProxyMarkers {
  /** Answered with true by every proxy of the SDK. */
  readonly isProxy: string;
  /** Answered with the object the proxy wraps. */
  readonly target: string;
}

/**
 * The markers `module` (as `@pulumi/policy/proxy`) exports, or the reason they cannot be used:
 * `isSpecialProxy` and `getSpecialProxyTarget` must be strings, and a proxy of its public
 * `unknownCheckingProxy` must answer them with true and the object it wraps.
 */
export function proxyMarkersOf(
  module: Record<string, unknown>,
): ProxyMarkers | { problem: string } {
  const { isSpecialProxy, getSpecialProxyTarget, unknownCheckingProxy } = module;
  if (typeof isSpecialProxy !== "string" || typeof getSpecialProxyTarget !== "string") {
    return { problem: "it has no string isSpecialProxy and getSpecialProxyTarget" };
  }
  if (typeof unknownCheckingProxy !== "function") {
    return { problem: "it has no unknownCheckingProxy function" };
  }
  const target = { probe: 1 };
  const proxy = (unknownCheckingProxy as (o: object) => Record<string, unknown>)(target);
  return proxy[isSpecialProxy] === true && proxy[getSpecialProxyTarget] === target
    ? { isProxy: isSpecialProxy, target: getSpecialProxyTarget }
    : { problem: "its proxies do not answer isSpecialProxy and getSpecialProxyTarget" };
}

let markers: ProxyMarkers | null | undefined;

/** The SDK's proxy markers, or undefined when they cannot be used (see {@link unwrapSdkProxies}). */
export function sdkProxyMarkers(): ProxyMarkers | undefined {
  if (markers === undefined) {
    const loaded = load("policy-proxy-markers", "@pulumi/policy/proxy");
    const found = "problem" in loaded ? loaded : proxyMarkersOf(loaded.module);
    if ("problem" in found) {
      fallBack("policy-proxy-markers", "@pulumi/policy", found.problem);
    }
    markers = "problem" in found ? null : found;
  }
  return markers ?? undefined;
}

/** Copies made by the fallback, one per proxy, so a policy sees one object per call. */
const copies = new WeakMap<object, Record<string, unknown>>();

/**
 * A copy of the object a Proxy wraps, from its own property descriptors: a Proxy without a
 * `getOwnPropertyDescriptor` trap (the SDK's have a `get` trap only) answers them from its target,
 * so the values are the target's own (sentinel strings and `Secret` objects in place).
 */
export function copyThroughDescriptors(proxy: object): Record<string, unknown> {
  let copy = copies.get(proxy);
  if (copy === undefined) {
    copy = Array.isArray(proxy) ? ([] as unknown as Record<string, unknown>) : {};
    for (const key of Reflect.ownKeys(proxy)) {
      const descriptor = Reflect.getOwnPropertyDescriptor(proxy, key);
      if (descriptor !== undefined && "value" in descriptor && key !== "length") {
        (copy as Record<string | symbol, unknown>)[key] = descriptor.value;
      }
    }
    copies.set(proxy, copy);
  }
  return copy;
}

/**
 * The object under `@pulumi/policy`'s proxies (`value` itself when it is not one): the target
 * the SDK's markers name when they work; else, for any Proxy (`util.types.isProxy`), a copy of
 * it through its descriptors, which is not the object the SDK deserialized but holds the same
 * values.
 */
export function unwrapSdkProxies(value: object): unknown {
  const found = sdkProxyMarkers();
  if (found === undefined) {
    return types.isProxy(value) ? copyThroughDescriptors(value) : value;
  }
  let current: unknown = value;
  while (
    typeof current === "object" &&
    current !== null &&
    (current as Record<string, unknown>)[found.isProxy] === true
  ) {
    current = (current as Record<string, unknown>)[found.target];
  }
  return current;
}

// ---------------------------------------------------------------------------------------------
// policy-grpc-server

/** A gRPC service implementation: handler functions by method name (`analyze`, `configure`, …). */
export type ServiceImplementation = Record<string, unknown>;

const serviceWrappers: ((implementation: ServiceImplementation) => ServiceImplementation)[] = [];
let serverHooked: boolean | undefined;

/**
 * What is wrong with `grpc` as the `@grpc/grpc-js` module `@pulumi/policy` serves with, or
 * undefined when `Server.prototype.addService` is a function that can be wrapped.
 */
export function grpcModuleProblem(grpc: Record<string, unknown>): string | undefined {
  const prototype = (grpc.Server as { prototype?: Record<string, unknown> } | undefined)?.prototype;
  return typeof prototype?.addService === "function"
    ? undefined
    : "its Server has no addService method";
}

/**
 * Changes the handlers `@pulumi/policy`'s server registers for the Analyzer service: `wrap` gets
 * the implementation (methods by their protocol names, `analyze`, `configure`, …) and returns the
 * one to register. Wraps `addService` of the `@grpc/grpc-js` the SDK resolves, so it must be
 * called before the `PolicyPack` is created; wrappers apply in the order they were added.
 *
 * @returns false when that `@grpc/grpc-js` does not have the expected shape; nothing is wrapped.
 */
export function wrapAnalyzerService(
  wrap: (implementation: ServiceImplementation) => ServiceImplementation,
): boolean {
  const hooked = hookAnalyzerServer();
  if (hooked) {
    serviceWrappers.push(wrap);
  }
  return hooked;
}

/** Wraps `addService` once, to apply {@link serviceWrappers}; false when it cannot. */
function hookAnalyzerServer(): boolean {
  if (serverHooked !== undefined) {
    return serverHooked;
  }
  let policyRequire: NodeJS.Require | undefined;
  try {
    policyRequire = createRequire(sdkRequire.resolve("@pulumi/policy"));
  } catch {
    policyRequire = undefined;
  }
  const loaded =
    policyRequire === undefined
      ? { problem: "@pulumi/policy cannot be resolved" }
      : load("policy-grpc-server", "@grpc/grpc-js", policyRequire);
  const problem = "problem" in loaded ? loaded.problem : grpcModuleProblem(loaded.module);
  if (problem !== undefined || !("module" in loaded)) {
    fallBack("policy-grpc-server", "@grpc/grpc-js", problem ?? "", policyRequire);
    serverHooked = false;
    return false;
  }
  const prototype = (loaded.module.Server as { prototype: Record<string, unknown> }).prototype;
  const original = prototype.addService as (...args: unknown[]) => unknown;
  prototype.addService = function (
    this: unknown,
    service: unknown,
    implementation: ServiceImplementation,
  ) {
    const wrapped = serviceWrappers.reduce(
      (impl, w) => (typeof impl === "object" && impl !== null ? w(impl) : impl),
      implementation,
    );
    return original.call(this, service, wrapped);
  };
  serverHooked = true;
  return true;
}

/**
 * Checks every internal a policy pack relies on, as the pack starts (before its `PolicyPack` is
 * created): each one that does not have the expected shape is reported once on stderr, and its
 * fallback is used from then on.
 *
 * @returns the internals of `@pulumi/policy` that fall back, in {@link SDK_INTERNALS} order.
 */
export function checkPackInternals(): SdkInternal[] {
  usableDeserializeModule();
  unknownSentinels();
  sdkProxyMarkers();
  hookAnalyzerServer();
  return SDK_INTERNALS.filter((internal) => internal.startsWith("policy-") && warned.has(internal));
}

// ---------------------------------------------------------------------------------------------
// pulumi-runtime-settings

/** What `hardened preview` needs of a program's Pulumi runtime, beyond its public `setMocks`. */
export interface ProgramRuntime<Monitor> {
  /** The resource monitor (the mock one, once `setMocks` ran). */
  getMonitor(): Monitor;
  /** Resolves once every resource registration the program started has finished. */
  waitForRPCs(): Promise<void>;
}

/**
 * The program's Pulumi runtime: `getMonitor` from the public `pulumi.runtime`, and
 * `waitForRPCs` from `@pulumi/pulumi/runtime/settings` when it has one, else the public
 * `pulumi.runtime.disconnect()`, which waits for the same queue and then closes connections a
 * mocked program does not have.
 *
 * @param programRequire `require` from the program's folder, which holds its `@pulumi/pulumi`.
 * @param runtime that `@pulumi/pulumi`'s public `runtime` namespace.
 */
export function programRuntime<Monitor>(
  programRequire: NodeJS.Require,
  runtime: { getMonitor(): unknown; disconnect(): Promise<void> },
): ProgramRuntime<Monitor> {
  const loaded = load("pulumi-runtime-settings", "@pulumi/pulumi/runtime/settings", programRequire);
  const wait = "module" in loaded ? loaded.module.waitForRPCs : undefined;
  if (typeof wait !== "function") {
    fallBack(
      "pulumi-runtime-settings",
      "@pulumi/pulumi",
      "problem" in loaded ? loaded.problem : "it has no waitForRPCs function",
      programRequire,
    );
  }
  return {
    getMonitor: () => runtime.getMonitor() as Monitor,
    waitForRPCs:
      typeof wait === "function"
        ? () => (wait as () => Promise<void>)()
        : () => runtime.disconnect(),
  };
}
