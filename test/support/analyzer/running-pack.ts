import { AnalyzerConnection } from "../../../preview/analyzer/analyzer-client";
import { EngineServer, startEngineServer } from "../../../preview/analyzer/engine-server";
import { PolicyPackProcess, startPolicyPack } from "../../../preview/analyzer/policy-pack-process";
import { PACK_DIR, buildPack } from "../../../dev/build-pack";
import { SDK_FALLBACK_ENV, SdkInternal } from "../../../policies/sdk-internals";

/** The policy pack started as the engine starts it, a fake engine, and a client connected to it. */
export interface RunningPack {
  readonly engine: EngineServer;
  readonly pack: PolicyPackProcess;
  readonly analyzer: AnalyzerConnection;
  /** Milliseconds from spawning the pack to its printed port. */
  readonly startMs: number;
  stop(): Promise<void>;
}

/**
 * Builds the pack (as `npm ci` does), starts a fake engine and the pack in `packDir` exactly as
 * `pulumi preview --policy-pack <packDir>` would, and connects an Analyzer client.
 *
 * @param env extra environment variables for the pack, e.g. `HARDENED_SDK_FALLBACK`.
 */
export async function startRunningPack(
  packDir: string = PACK_DIR,
  env: Readonly<Record<string, string>> = {},
): Promise<RunningPack> {
  buildPack();
  const engine = await startEngineServer();
  const started = Date.now();
  const pack = await startPolicyPack(packDir, { engineAddress: engine.address, env });
  const startMs = Date.now() - started;
  const analyzer = new AnalyzerConnection(pack.address);
  return {
    engine,
    pack,
    analyzer,
    startMs,
    stop: async () => {
      analyzer.close();
      await pack.stop();
      await engine.stop();
    },
  };
}

/** The internals of `@pulumi/policy` whose fallbacks give the same results, so the same tests hold. */
export const SAME_RESULT_FALLBACKS: readonly SdkInternal[] = [
  "policy-deserialize",
  "policy-proxy-sentinels",
  "policy-proxy-markers",
];

/** One way to run the pack: on the installed SDK's internals, or on their public fallbacks. */
export interface SdkMode {
  /** For test titles. */
  readonly name: string;
  /** The pack's extra environment. */
  readonly env: Readonly<Record<string, string>>;
  /** The internals treated as missing. */
  readonly fallbacks: readonly SdkInternal[];
}

/** The pack as installed, and the pack with {@link SAME_RESULT_FALLBACKS} treated as missing. */
export const SDK_MODES: readonly SdkMode[] = [
  { name: "on @pulumi/policy's internals", env: {}, fallbacks: [] },
  {
    name: `on the public fallbacks (${SDK_FALLBACK_ENV}=${SAME_RESULT_FALLBACKS.join(",")})`,
    env: { [SDK_FALLBACK_ENV]: SAME_RESULT_FALLBACKS.join(",") },
    fallbacks: SAME_RESULT_FALLBACKS,
  },
];
