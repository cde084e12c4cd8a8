import {
  AnalyzedResource,
  AnalyzerConnection,
  Diagnostic,
  PolicyConfiguration,
} from "./analyzer/analyzer-client";
import { startEngineServer } from "./analyzer/engine-server";
import { startPolicyPack } from "./analyzer/policy-pack-process";
import { reconcilePolicyConfig } from "./policy-config";
import { ProgramRun, captureProgram } from "./run-program";
import { UnexpandedComponent } from "./unexpanded-components";

/** What `hardened preview` found. */
export interface PreviewResult {
  /** The pack's name and version. */
  readonly pack: { readonly name: string; readonly version: string };
  /** Every custom resource the program registered. */
  readonly resources: readonly AnalyzedResource[];
  /** Every violation: per resource (Analyze), then stack-wide (AnalyzeStack). */
  readonly diagnostics: readonly Diagnostic[];
  /** Components whose children mocks could not produce, so nothing inside them was analyzed. */
  readonly unexpanded: readonly UnexpandedComponent[];
  /** Functions the program called, answered with an empty result under mocks (`captureProgram`). */
  readonly unansweredInvokes: readonly string[];
}

/**
 * Runs a Pulumi program under mocks and sends its resources to a policy pack started exactly as
 * the engine starts it (`run-policy-pack <engine> <pack-dir>`), over the Analyzer protocol: the
 * pack is configured with its defaults reconciled with `policyConfig`, each resource is analyzed,
 * then the stack as a whole.
 */
export async function runPreview(
  programDir: string,
  packDir: string,
  run: ProgramRun,
  policyConfig: Readonly<Record<string, PolicyConfiguration>>,
): Promise<PreviewResult> {
  const { resources, unexpanded, unansweredInvokes } = await captureProgram(programDir, run);
  const engine = await startEngineServer();
  try {
    const pack = await startPolicyPack(packDir, { engineAddress: engine.address });
    const analyzer = new AnalyzerConnection(pack.address);
    try {
      const info = await analyzer.getAnalyzerInfo();
      await analyzer.configure(reconcilePolicyConfig(info.policies, policyConfig));
      const diagnostics: Diagnostic[] = [];
      for (const resource of resources) {
        const found = await analyzer.analyze(resource);
        diagnostics.push(...found.map((d) => ({ ...d, urn: d.urn || resource.urn })));
      }
      diagnostics.push(...(await analyzer.analyzeStack(resources)));
      return {
        pack: { name: info.name, version: info.version },
        resources,
        diagnostics,
        unexpanded,
        unansweredInvokes,
      };
    } finally {
      analyzer.close();
      await pack.stop();
    }
  } finally {
    await engine.stop();
  }
}
