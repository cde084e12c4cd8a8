import { spawnSync } from "child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { BenchResult, PeerMeasurement, PeerUnavailable } from "./bench-result";
import { DOCKERFILE_PROBLEMS, plantedDockerfileCorpus } from "./dockerfile-corpus";
import { installPeers, PeerInstall } from "./peers/install-peers";
import { peerIds } from "./peers/peer-ids";
import { timedProcess, TimedRun } from "./peers/timed-process";
import { CorpusFiles, CorpusKind, ParsedOutput, RECIPES, ToolRecipe } from "./peers/tools";
import { plantedWorkloads, WORKLOAD_PROBLEMS } from "./workload-corpus";

const ROOT = join(__dirname, "..");

/** Files in each generated corpus. */
const FILES = Number(process.env.HARDENED_BENCH_PEER_FILES ?? 500);

/** Runs per tool, the best counting; a tool whose first run takes longer than SLOW_MS runs once. */
const RUNS = 3;
const SLOW_MS = 20_000;

/** The most one run of one tool may take. */
const RUN_TIMEOUT_MS = 15 * 60_000;

/** The peers each corpus is compared with, in report order. */
const PEERS: Readonly<Record<CorpusKind, readonly string[]>> = {
  dockerfile: ["hadolint", "checkov", "trivy"],
  manifest: ["checkov", "kube-score", "kube-linter", "polaris", "trivy"],
};

const PROBLEMS: Readonly<Record<CorpusKind, Readonly<Record<string, readonly string[]>>>> = {
  dockerfile: DOCKERFILE_PROBLEMS,
  manifest: WORKLOAD_PROBLEMS,
};

/** A corpus on disk with the problems planted in each file. */
interface PlantedCorpus extends CorpusFiles {
  readonly planted: ReadonlyMap<string, readonly string[]>;
}

/** Writes both corpora under `root`: one Dockerfile per folder, one workload per manifest file. */
function writeCorpora(root: string): Record<CorpusKind, PlantedCorpus> {
  const dockerDir = join(root, "dockerfiles");
  const dockerPlanted = new Map<string, readonly string[]>();
  plantedDockerfileCorpus(FILES).forEach((d, i) => {
    const dir = join(dockerDir, `service-${String(i).padStart(4, "0")}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "Dockerfile"), d.text);
    dockerPlanted.set(join(dir, "Dockerfile"), d.planted);
  });
  const manifestDir = join(root, "manifests");
  mkdirSync(manifestDir, { recursive: true });
  const manifestPlanted = new Map<string, readonly string[]>();
  plantedWorkloads(FILES).forEach((w, i) => {
    const file = join(manifestDir, `${w.kind.toLowerCase()}-${String(i).padStart(4, "0")}.yaml`);
    writeFileSync(file, w.text);
    manifestPlanted.set(file, w.planted);
  });
  return {
    dockerfile: {
      kind: "dockerfile",
      dir: dockerDir,
      files: [...dockerPlanted.keys()],
      planted: dockerPlanted,
    },
    manifest: {
      kind: "manifest",
      dir: manifestDir,
      files: [...manifestPlanted.keys()],
      planted: manifestPlanted,
    },
  };
}

/**
 * Builds the project's CLI as the package ships it (JavaScript, no type check) into .bench/peers, so
 * its whole process is measured as a user runs it, not through a TypeScript loader.
 */
function buildProject(): { cli: string } | { error: string } {
  const out = join(ROOT, ".bench", "peers", "build");
  rmSync(out, { recursive: true, force: true });
  const tsc = require.resolve("typescript/bin/tsc");
  const result = spawnSync(
    process.execPath,
    [tsc, "-p", join(ROOT, "tsconfig.json"), "--noCheck", "--outDir", out],
    { encoding: "utf8" },
  );
  const cli = join(out, "cli", "hardened.js");
  return existsSync(cli)
    ? { cli }
    : { error: `tsc emitted no ${cli} (exit ${result.status}): ${result.stdout}${result.stderr}` };
}

/** Runs a recipe up to RUNS times; the fastest run counts and its output is read. */
function measure(recipe: ToolRecipe, executable: string, corpus: PlantedCorpus) {
  const [command, ...args] = recipe.command(executable, corpus);
  let best: TimedRun | undefined;
  let runs = 0;
  while (runs < RUNS && (runs === 0 || (best?.wallMs ?? 0) <= SLOW_MS)) {
    const run = timedProcess(command, args, {
      cwd: join(corpus.dir, ".."),
      env: { ...process.env, NO_COLOR: "1" },
      timeoutMs: RUN_TIMEOUT_MS,
    });
    runs++;
    if (run.code === null || !recipe.okCodes.includes(run.code)) {
      const lastLine = run.stderr.trim().split("\n").pop() ?? "";
      return { error: `ran, but exited ${run.code ?? "on a signal or time-out"}: ${lastLine}` };
    }
    if (best === undefined || run.wallMs < best.wallMs) {
      best = run;
    }
  }
  const run = best as TimedRun;
  let parsed: ParsedOutput;
  try {
    parsed = recipe.parse(run.stdout, corpus);
  } catch (error) {
    return { error: `its output could not be read: ${(error as Error).message}` };
  }
  return { run, parsed, runs };
}

/** Which planted problems a tool's ids cover, file by file. */
function plantedReported(tool: string, corpus: PlantedCorpus, parsed: ParsedOutput) {
  const problems = PROBLEMS[corpus.kind];
  const idsOf = new Map(
    Object.entries(problems).map(([name, rules]) => [name, peerIds(tool, rules)]),
  );
  const byFile = new Map<string, Set<string>>();
  for (const { file, id } of parsed.reported) {
    const ids = byFile.get(file) ?? new Set<string>();
    ids.add(id);
    byFile.set(file, ids);
  }
  const byProblem: Record<string, { reported: number; planted: number }> = {};
  let reported = 0;
  let total = 0;
  for (const [file, names] of corpus.planted) {
    const ids = byFile.get(file) ?? new Set<string>();
    for (const name of names) {
      const entry = (byProblem[name] ??= { reported: 0, planted: 0 });
      entry.planted++;
      total++;
      if ([...(idsOf.get(name) ?? [])].some((id) => ids.has(id))) {
        entry.reported++;
        reported++;
      }
    }
  }
  return { reported, total, byProblem, filesWithFindings: byFile.size };
}

function compareOnCorpus(
  corpus: PlantedCorpus,
  project: { cli: string } | { error: string },
  installs: readonly PeerInstall[],
): BenchResult {
  const tools: PeerMeasurement[] = [];
  const unavailable: PeerUnavailable[] = [];
  const contenders: { tool: string; version: string; executable: string }[] = [];
  if ("cli" in project) {
    contenders.push({ tool: "hardened", version: "this checkout", executable: project.cli });
  } else {
    unavailable.push({ tool: "hardened", reason: project.error });
  }
  for (const name of PEERS[corpus.kind]) {
    const install = installs.find((i) => i.tool === name);
    if (install === undefined || !install.installed) {
      unavailable.push({
        tool: name,
        reason: install?.installed === false ? install.reason : "not installed",
      });
    } else {
      contenders.push({ tool: name, version: install.version, executable: install.executable });
    }
  }
  for (const { tool, version, executable } of contenders) {
    const recipe = RECIPES.find((r) => r.tool === tool && r.corpus === corpus.kind);
    if (recipe === undefined) {
      unavailable.push({ tool, reason: `no recipe for the ${corpus.kind} corpus` });
      continue;
    }
    process.stderr.write(`  ${tool} on the ${corpus.kind} corpus…\n`);
    const measured = measure(recipe, executable, corpus);
    if ("error" in measured) {
      unavailable.push({ tool, reason: measured.error ?? "failed" });
      continue;
    }
    const { run, parsed, runs } = measured;
    const planted = plantedReported(tool, corpus, parsed);
    tools.push({
      tool,
      version,
      runs,
      wallMs: Math.round(run.wallMs),
      cpuMs: Math.round(run.cpuMs),
      filesPerSecond: Number(((corpus.files.length / run.wallMs) * 1000).toFixed(1)),
      findings: parsed.reported.length,
      filesWithFindings: planted.filesWithFindings,
      parseErrors: parsed.parseErrors,
      plantedReported: planted.reported,
      plantedTotal: planted.total,
      byProblem: planted.byProblem,
    });
  }
  const own = tools.find((t) => t.tool === "hardened");
  const peers = tools.filter((t) => t.tool !== "hardened");
  for (const peer of peers) {
    if (own !== undefined) {
      peer.ratio = Number((own.filesPerSecond / peer.filesPerSecond).toFixed(2));
    }
  }
  const slowest = Math.min(...peers.map((p) => p.ratio ?? Infinity));
  return {
    name: `peers-${corpus.kind}`,
    description: `whole processes on ${corpus.files.length} generated ${corpus.kind === "dockerfile" ? "Dockerfiles" : "manifest files (one workload each)"}: the project's CLI and each peer that could be installed, files per second (best of up to ${RUNS} runs) and how many of the planted problems each reported; ratio: the project's files per second over the peer's, the smallest`,
    metrics: {
      files: corpus.files.length,
      plantedProblems: [...corpus.planted.values()].reduce((n, p) => n + p.length, 0),
      projectFilesPerSecond: own?.filesPerSecond ?? 0,
      projectPlantedReported: own?.plantedReported ?? 0,
    },
    ...(Number.isFinite(slowest) ? { ratio: { value: slowest, target: 1, met: slowest > 1 } } : {}),
    tools,
    unavailable,
  };
}

/**
 * The project against its peers, in one run: installs hadolint, Checkov, kube-score and Trivy (or
 * finds them in the cache; scripts/bench/install-peers.sh), builds the project's CLI, writes the
 * Dockerfile and manifest corpora with their planted problems, and runs every tool on each.
 */
export function benchPeers(): BenchResult[] {
  const installs = installPeers([...new Set([...PEERS.dockerfile, ...PEERS.manifest])]);
  process.stderr.write("  building the project's CLI…\n");
  const project = buildProject();
  const root = mkdtempSync(join(tmpdir(), "hardened-bench-peers-"));
  try {
    const corpora = writeCorpora(root);
    return [
      compareOnCorpus(corpora.dockerfile, project, installs),
      compareOnCorpus(corpora.manifest, project, installs),
    ];
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

if (require.main === module) {
  process.stdout.write(`${JSON.stringify(benchPeers(), null, 2)}\n`);
}
