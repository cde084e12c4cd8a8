import { ServiceImplementation, wrapAnalyzerService } from "./sdk-internals";

/** One policy's configuration as the engine sent it in `Configure`. */
export interface ConfiguredPolicy {
  /** `advisory`, `mandatory`, `remediate` or `disabled`. */
  readonly enforcementLevel: string;
  /** The policy's settings (for the pack-level section, the pack-wide settings). */
  readonly properties: Readonly<Record<string, unknown>>;
}

/** The parts of a `ConfigureAnalyzerRequest` read here (generated protobuf accessors). */
interface ConfigureRequest {
  getPolicyconfigMap(): {
    entries(): Iterable<[string, PolicyConfigMessage]>;
  };
}

interface PolicyConfigMessage {
  getEnforcementlevel(): number;
  setEnforcementlevel(level: number): unknown;
  getProperties(): { toJavaScript(): Record<string, unknown> } | undefined;
}

type Handler = (call: { request: ConfigureRequest }, callback: unknown) => unknown;

/** Analyzer protocol enforcement levels (`pulumirpc.EnforcementLevel`). */
const LEVELS = ["advisory", "mandatory", "disabled", "remediate"];
const ADVISORY = 0;
const DISABLED = 2;

let current: ReadonlyMap<string, ConfiguredPolicy> | undefined;
let installed = false;

/** What the pack does with each configuration it receives, besides keeping it. */
export interface ConfigureHooks {
  /** Policies that only ever report advisory (unless disabled), whatever `all` says. */
  readonly alwaysAdvisory: readonly string[];
  /** Checks the configuration; its error is the engine's Configure error, its warnings go to stderr. */
  readonly check: (config: ReadonlyMap<string, ConfiguredPolicy>) => readonly string[];
}

function read(request: ConfigureRequest, hooks: ConfigureHooks): Map<string, ConfiguredPolicy> {
  const config = new Map<string, ConfiguredPolicy>();
  for (const [name, message] of request.getPolicyconfigMap().entries()) {
    if (hooks.alwaysAdvisory.includes(name) && message.getEnforcementlevel() !== DISABLED) {
      message.setEnforcementlevel(ADVISORY);
    }
    config.set(name, {
      enforcementLevel: LEVELS[message.getEnforcementlevel()] ?? "advisory",
      properties: message.getProperties()?.toJavaScript() ?? {},
    });
  }
  return config;
}

/**
 * Keeps the configuration the engine sends to the pack (`Configure`: every policy's enforcement
 * level and settings, including keys that name no policy), which `@pulumi/policy` gives a policy
 * only for itself and without its level. The pack needs all of it: the pack-level section every
 * policy reads, each policy's configured level (only the platform's config may lower a mandatory
 * policy), and the names to warn about. It wraps the `configure` handler that `@pulumi/policy`
 * registers (through the fence, `sdk-internals`, with the Analyzer protocol's method name), so it
 * must be installed before the `PolicyPack` is created. The handler still runs; a `check` error is
 * returned as the Configure error, one line.
 *
 * @returns true when installed; false when the SDK's server cannot be hooked, in which case
 * {@link configuredPolicies} stays undefined and every policy falls back to its own settings and
 * default level.
 */
export function captureConfiguration(hooks: ConfigureHooks): boolean {
  if (installed) {
    return true;
  }
  installed = wrapAnalyzerService((implementation: ServiceImplementation) => {
    const configure = implementation.configure as Handler | undefined;
    return typeof configure !== "function"
      ? implementation
      : {
          ...implementation,
          configure: (call: { request: ConfigureRequest }, callback: unknown) => {
            try {
              const config = read(call.request, hooks);
              for (const warning of hooks.check(config)) {
                console.error(`warning: ${warning}`);
              }
              current = config;
            } catch (error) {
              (callback as (e: Error) => void)(
                new Error(error instanceof Error ? error.message : String(error)),
              );
              return undefined;
            }
            return configure(call, callback);
          },
        };
  });
  return installed;
}

/**
 * The configuration the engine last sent, by policy name (and any other key it held); undefined
 * before the first `Configure` or when {@link captureConfiguration} is not installed.
 */
export function configuredPolicies(): ReadonlyMap<string, ConfiguredPolicy> | undefined {
  return current;
}
