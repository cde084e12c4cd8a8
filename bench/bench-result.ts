/** One benchmark's measurements, printed as JSON by `npm run bench`. */
export interface BenchResult {
  /** Benchmark name. */
  readonly name: string;
  /** What the numbers mean. */
  readonly description: string;
  /** The measured values, in the units their names give. */
  readonly metrics: Readonly<Record<string, number>>;
  /** The ratio the target applies to, the target, and whether it was met. */
  readonly ratio?: { readonly value: number; readonly target: number; readonly met: boolean };
}

/** Milliseconds `fn` takes, the best of `runs` runs (after one warm-up run). */
export function bestOf(runs: number, fn: () => void): number {
  fn();
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    fn();
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e6);
  }
  return best;
}
