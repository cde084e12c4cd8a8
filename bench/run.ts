import { BenchResult } from "./bench-result";
import { benchCheckManifests } from "./check-manifests";
import { benchCheckRepository } from "./check-repository";
import { benchDockerfileLint } from "./dockerfile-lint";
import { benchEnginePreview } from "./engine-preview";
import { benchHostileInput } from "./hostile-input";
import { benchImageVerify } from "./image-verify";
import { benchPeers } from "./peer-comparison";
import { benchPolicyPack } from "./policy-pack";

type Benchmark = () => BenchResult | BenchResult[] | Promise<BenchResult | BenchResult[]>;

/**
 * Every benchmark, by name. `image-verify` needs the Docker engine and the local registry;
 * `engine-preview` needs the engine from `scripts/engine/install.sh`; `peers` installs the peer tools
 * with `scripts/bench/install-peers.sh` (into a cache outside the repository; the first run takes
 * minutes) and reports, for any it cannot install, why.
 */
const BENCHMARKS: Readonly<Record<string, Benchmark>> = {
  "check-manifests": benchCheckManifests,
  "check-repository": benchCheckRepository,
  "dockerfile-lint": benchDockerfileLint,
  "hostile-input": benchHostileInput,
  "policy-pack": benchPolicyPack,
  "image-verify": benchImageVerify,
  "engine-preview": benchEnginePreview,
  peers: benchPeers,
};

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((name) => !(name in BENCHMARKS));
  if (unknown.length > 0) {
    process.stderr.write(
      `unknown benchmark ${unknown.join(", ")}; known: ${Object.keys(BENCHMARKS).join(", ")}\n`,
    );
    process.exitCode = 2;
    return;
  }
  const results: BenchResult[] = [];
  for (const [name, run] of Object.entries(BENCHMARKS)) {
    if (wanted.length === 0 || wanted.includes(name)) {
      process.stderr.write(`running ${name}…\n`);
      results.push(...[await run()].flat());
    }
  }
  process.stdout.write(`${JSON.stringify({ benchmarks: results }, null, 2)}\n`);
}

void main();
