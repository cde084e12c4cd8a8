import { AnalyzerConnection } from "../../../policies/protocol/analyzer-client";
import { EngineServer, startEngineServer } from "../../../policies/protocol/engine-server";
import { PolicyPackProcess, startPolicyPack } from "../../../policies/protocol/policy-pack-process";
import { PACK_DIR, buildPack } from "./build-pack";

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
 */
export async function startRunningPack(packDir: string = PACK_DIR): Promise<RunningPack> {
  buildPack();
  const engine = await startEngineServer();
  const started = Date.now();
  const pack = await startPolicyPack(packDir, { engineAddress: engine.address });
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
