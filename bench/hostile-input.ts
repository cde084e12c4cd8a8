import { lintDockerfile } from "../rules/dockerfile/lint";
import { globMatches } from "../rules/exemptions/glob";
import { imageFilesystem } from "../rules/image/filesystem";
import { FileEntry, ImageLayer, ImageModel } from "../rules/image/model";
import { BenchResult, bestOf } from "./bench-result";

/** Largest time ratio for an input 4 times as large: 4 is linear, 16 quadratic. */
const LINEAR_TARGET = 6;

function dockerfileOfRuns(runs: number): string {
  const lines = ["FROM python:3.12-slim@sha256:" + "0".repeat(64)];
  for (let i = 0; i < runs; i++) {
    lines.push(`RUN pip install package${i} && echo ${i}`);
  }
  return `${lines.join("\n")}\nUSER 10001\n`;
}

function entry(path: string, type: FileEntry["type"] = "file"): FileEntry {
  return { path, type, mode: 0o644, uid: 0, gid: 0, size: type === "file" ? 1 : 0 };
}

function modelWithWhiteouts(count: number): ImageModel {
  const files: FileEntry[] = [];
  const whiteouts: FileEntry[] = [];
  for (let i = 0; i < count; i++) {
    const dir = `/data/d${i % 100}`;
    files.push(entry(`${dir}/f${i}`));
    whiteouts.push(entry(`${dir}/.wh.f${i}`));
  }
  const layer = (index: number, entries: FileEntry[]): ImageLayer => ({
    index,
    digest: `sha256:${String(index).repeat(64)}`,
    diffId: "",
    compressedSize: 0,
    uncompressedSize: 0,
    fromBase: false,
    entries,
  });
  return {
    source: "bench",
    platform: { os: "linux", architecture: "amd64" },
    config: {
      user: "10001",
      env: [],
      entrypoint: [],
      cmd: [],
      exposedPorts: [],
      labels: {},
      workingDir: "",
      volumes: [],
    },
    history: [],
    layers: [layer(0, files), layer(1, whiteouts)],
  } as unknown as ImageModel;
}

function linearity(name: string, small: number, large: number, run: (n: number) => void) {
  const smallMs = bestOf(2, () => run(small));
  const largeMs = bestOf(2, () => run(large));
  const ratio = largeMs / smallMs;
  return { name, smallMs, largeMs, ratio };
}

/**
 * Inputs written to make a checker quadratic or exponential: the pip cache check over a chain of
 * 40,000 RUN lines, 30,000 whiteouts applied to 30,000 files, and an exemption glob of six `*`
 * against a 253-character name that does not match. Each of the first two is timed at a quarter
 * of its size too; the target is a time ratio ≤ 6 for 4 times the input (4 is linear, 16
 * quadratic). The glob is timed over 10,000 matches.
 */
export function benchHostileInput(): BenchResult[] {
  const lint = linearity("lint-40k-runs", 10_000, 40_000, (n) => {
    lintDockerfile(dockerfileOfRuns(n), { file: "Dockerfile" });
  });
  const whiteouts = linearity("whiteouts-30k", 7_500, 30_000, (n) => {
    imageFilesystem(modelWithWhiteouts(n));
  });
  const name = "a".repeat(253);
  const glob = "*x*x*x*x*x*x*a";
  const globMs = bestOf(2, () => {
    for (let i = 0; i < 10_000; i++) {
      globMatches(glob, name);
    }
  });
  return [
    ...[lint, whiteouts].map((r) => ({
      name: r.name,
      description: `${r.name}: time at full size against a quarter of it (4 is linear, 16 quadratic)`,
      metrics: { smallMs: Math.round(r.smallMs), largeMs: Math.round(r.largeMs) },
      ratio: {
        value: Number(r.ratio.toFixed(2)),
        target: LINEAR_TARGET,
        met: r.ratio <= LINEAR_TARGET,
      },
    })),
    {
      name: "exemption-glob-six-stars",
      description:
        "10,000 matches of *x*x*x*x*x*x*a against a 253-character name of a (no match; a backtracking matcher takes minutes)",
      metrics: {
        totalMs: Math.round(globMs),
        microsecondsPerMatch: Number(((globMs * 1000) / 10_000).toFixed(2)),
      },
    },
  ];
}

if (require.main === module) {
  process.stdout.write(`${JSON.stringify(benchHostileInput(), null, 2)}\n`);
}
