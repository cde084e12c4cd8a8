import { existsSync } from "fs";
import { join } from "path";
import { findEngineOnPath } from "../../preview/engine/run-engine-operation";
import { buildPack } from "../../dev/build-pack";
import { serviceUnavailable } from "../../dev/registry";

export { EngineViolation, engineViolations } from "../../preview/engine/engine-violations";

const ROOT = join(__dirname, "..", "..");

/**
 * The folder holding the real Pulumi engine: the one `scripts/engine/install.sh` built and linked
 * at `.ci/work/engine`, else the first `pulumi` on PATH.
 */
export function engineBin(): string | undefined {
  const built = join(ROOT, ".ci", "work", "engine", "bin");
  return existsSync(join(built, "pulumi")) ? built : findEngineOnPath();
}

/** True when the engine folder also has the Kubernetes provider. */
function hasKubernetesProvider(bin: string): boolean {
  return existsSync(join(bin, "pulumi-resource-kubernetes"));
}

/**
 * Skips (or, under CI, fails) the current suite unless the real Pulumi CLI and the Kubernetes
 * provider are there; returns their folder. Compiles the policy pack, so the engine starts the
 * current source.
 */
export function requireEngine(context: Mocha.Context): string {
  const bin = engineBin();
  if (!bin || !hasKubernetesProvider(bin)) {
    serviceUnavailable(
      context,
      "no Pulumi engine: run scripts/engine/install.sh (pulumi and pulumi-resource-kubernetes)",
    );
  }
  buildPack();
  return bin;
}
