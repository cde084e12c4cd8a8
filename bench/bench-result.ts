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
  /** For comparisons with other tools: each tool that ran, the project first. */
  readonly tools?: readonly PeerMeasurement[];
  /** For comparisons with other tools: each one that could not be installed or run, and why. */
  readonly unavailable?: readonly PeerUnavailable[];
}

/** One tool's run on a generated corpus. */
export interface PeerMeasurement {
  readonly tool: string;
  readonly version: string;
  /** Runs made; the fastest counts. */
  readonly runs: number;
  /** Wall-clock milliseconds of the whole process, start to exit. */
  readonly wallMs: number;
  /** CPU milliseconds (user and system) of the process and its children. */
  readonly cpuMs: number;
  readonly filesPerSecond: number;
  /** The project's files per second over this tool's (peers only): above 1, the project is faster. */
  ratio?: number;
  /** Findings the tool reported. */
  readonly findings: number;
  readonly filesWithFindings: number;
  /** Files the tool said it could not parse. */
  readonly parseErrors: number;
  /** Planted problems the tool reported under an id that matches the problem, of all planted. */
  readonly plantedReported: number;
  readonly plantedTotal: number;
  readonly byProblem: Readonly<
    Record<string, { readonly reported: number; readonly planted: number }>
  >;
}

/** A peer that is not in the comparison. */
export interface PeerUnavailable {
  readonly tool: string;
  readonly reason: string;
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
