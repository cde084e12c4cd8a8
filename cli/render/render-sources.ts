import { spawnSync } from "child_process";
import { InputFile, RenderSource } from "../input-files";
import { SkippedInput } from "../skipped-input";
import { findExecutable } from "./find-executable";
import { splitHelmOutput } from "./split-helm-output";

/** How charts are rendered. */
export interface ChartValues {
  /** `--values FILE` for every chart, in order. */
  readonly values: readonly string[];
  /** `--set KEY=VALUE` for every chart, in order. */
  readonly set: readonly string[];
}

/** The rendered output, ready to check, and the sources that could not be rendered. */
export interface RenderedSources {
  readonly files: InputFile[];
  readonly skipped: SkippedInput[];
  readonly charts: number;
  readonly kustomizations: number;
}

/** How long one renderer run may take. */
const RENDER_TIMEOUT_MS = 120_000;

/** The largest rendered output read. */
const RENDER_MAX_BYTES = 256 * 1024 * 1024;

function quote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, "'\\''")}'`;
}

/** The command line that renders `source`: program name (as looked up on PATH) and arguments. */
function commandFor(source: RenderSource, chart: ChartValues, path: string | undefined) {
  if (source.renderer === "helm") {
    return {
      program: findExecutable("helm", path),
      display: "helm",
      args: [
        "template",
        source.dir,
        ...chart.values.flatMap((v) => ["--values", v]),
        ...chart.set.flatMap((s) => ["--set", s]),
      ],
    };
  }
  const kustomize = findExecutable("kustomize", path);
  if (kustomize) {
    return { program: kustomize, display: "kustomize", args: ["build", source.dir] };
  }
  return {
    program: findExecutable("kubectl", path),
    display: "kubectl",
    args: ["kustomize", source.dir],
  };
}

function firstLine(text: string): string {
  return (
    text
      .split("\n")
      .map((l) => l.trim())
      .find((l) => l !== "") ?? "no message"
  );
}

/**
 * Renders each chart with `helm template` and each kustomization with `kustomize build` (or
 * `kubectl kustomize`) when the program is on `PATH`. Chart output is split by template (the
 * `# Source:` comments); kustomization output is attributed to the kustomization directory.
 * A source whose renderer is missing has its files listed as skipped with the command that would
 * render it; one whose renderer fails is skipped as `render-failed` with the first line of its
 * error output.
 */
export function renderSources(
  sources: readonly RenderSource[],
  chart: ChartValues,
  path: string | undefined = process.env.PATH,
): RenderedSources {
  const files: InputFile[] = [];
  const skipped: SkippedInput[] = [];
  let charts = 0;
  let kustomizations = 0;
  for (const source of sources) {
    const { program, display, args } = commandFor(source, chart, path);
    const command = [display, ...args].map(quote).join(" ");
    const reason = source.renderer === "helm" ? "helm-chart" : "kustomization";
    if (program === undefined) {
      const missing =
        source.renderer === "helm"
          ? "helm is not on PATH"
          : "kustomize and kubectl are not on PATH";
      for (const file of source.files) {
        skipped.push({
          file,
          document: null,
          reason,
          detail: `${missing}; render with: ${command} | hardened check -`,
        });
      }
      continue;
    }
    const run = spawnSync(program, args, {
      encoding: "utf8",
      timeout: RENDER_TIMEOUT_MS,
      maxBuffer: RENDER_MAX_BYTES,
      stdio: ["ignore", "pipe", "pipe"],
    });
    if (run.error || run.status !== 0) {
      const why = run.error
        ? ((run.error as NodeJS.ErrnoException).code ?? run.error.message)
        : `exit ${run.status}: ${firstLine(run.stderr)}`;
      skipped.push({
        file: source.dir,
        document: null,
        reason: "render-failed",
        detail: `${command} failed (${why})`,
      });
      continue;
    }
    if (source.renderer === "helm") {
      charts++;
      for (const part of splitHelmOutput(run.stdout, source.dir)) {
        files.push({ file: part.file, text: part.text, explicit: false, renderedBy: command });
      }
    } else {
      kustomizations++;
      files.push({ file: source.dir, text: run.stdout, explicit: false, renderedBy: command });
    }
  }
  return { files, skipped, charts, kustomizations };
}
