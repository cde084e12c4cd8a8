import { BenchResult } from "./bench-result";
import { benchCheckManifests } from "./check-manifests";

/** Every benchmark, by name. */
const BENCHMARKS: Readonly<Record<string, () => BenchResult | Promise<BenchResult>>> = {
  "check-manifests": benchCheckManifests,
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
      results.push(await run());
    }
  }
  process.stdout.write(`${JSON.stringify({ benchmarks: results }, null, 2)}\n`);
}

void main();
