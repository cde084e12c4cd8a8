import { isAbsolute, join, resolve } from "path";
import { normaliseId } from "./peer-ids";

/** Which generated corpus a tool runs on. */
export type CorpusKind = "dockerfile" | "manifest";

/** One finding a tool reported: the file and the tool's own id for it. */
export interface ReportedId {
  readonly file: string;
  readonly id: string;
}

/** What a tool's output says. */
export interface ParsedOutput {
  readonly reported: readonly ReportedId[];
  /** Files the tool said it could not parse. */
  readonly parseErrors: number;
}

/** The corpus as the tools see it: its folder and every file in it. */
export interface CorpusFiles {
  readonly kind: CorpusKind;
  readonly dir: string;
  readonly files: readonly string[];
}

/** How to run one tool on one corpus and read what it reported. */
export interface ToolRecipe {
  readonly tool: string;
  readonly corpus: CorpusKind;
  /** The command line, given the tool's executable. */
  command(executable: string, corpus: CorpusFiles): string[];
  /** Exit codes that mean "ran, and found something" rather than "failed". */
  readonly okCodes: readonly number[];
  parse(stdout: string, corpus: CorpusFiles): ParsedOutput;
}

function json(text: string): unknown {
  const start = text.search(/[[{]/);
  return start < 0 ? null : JSON.parse(text.slice(start));
}

const asArray = (value: unknown): unknown[] =>
  Array.isArray(value) ? value : value === null || value === undefined ? [] : [value];

const record = (value: unknown): Record<string, unknown> =>
  typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};

/** `hardened lint|check --format json`: open findings by rule id. */
function parseHardened(stdout: string): ParsedOutput {
  const findings = asArray(record(json(stdout)).findings).map(record);
  return {
    reported: findings
      .filter((f) => f.exempted !== true)
      .map((f) => ({ file: resolve(String(f.file)), id: String(f.ruleId) })),
    parseErrors: findings.filter(
      (f) => f.ruleId === "dockerfile-syntax" || f.ruleId === "yaml-syntax",
    ).length,
  };
}

/** Checkov's JSON: one report, or one per framework; failed checks by check id. */
function parseCheckov(stdout: string, corpus: CorpusFiles): ParsedOutput {
  const reports = asArray(json(stdout)).map(record);
  const reported: ReportedId[] = [];
  let parseErrors = 0;
  for (const report of reports) {
    parseErrors += Number(record(report.summary).parsing_errors ?? 0);
    for (const check of asArray(record(report.results).failed_checks).map(record)) {
      const path = String(check.file_abs_path ?? check.file_path);
      reported.push({
        file: isAbsolute(path) ? path : join(corpus.dir, path),
        id: String(check.check_id),
      });
    }
  }
  return { reported, parseErrors };
}

/** The recipes, by tool and corpus. `hardened` is the project's own CLI, built. */
export const RECIPES: readonly ToolRecipe[] = [
  {
    tool: "hardened",
    corpus: "dockerfile",
    command: (exe, corpus) => [
      process.execPath,
      exe,
      "lint",
      "--no-config",
      "--format",
      "json",
      "--fail-on",
      "none",
      ...corpus.files,
    ],
    okCodes: [0],
    parse: parseHardened,
  },
  {
    tool: "hardened",
    corpus: "manifest",
    command: (exe, corpus) => [
      process.execPath,
      exe,
      "check",
      "--no-config",
      "--format",
      "json",
      "--fail-on",
      "none",
      corpus.dir,
    ],
    okCodes: [0],
    parse: parseHardened,
  },
  {
    tool: "hadolint",
    corpus: "dockerfile",
    command: (exe, corpus) => [exe, "--no-fail", "--format", "json", ...corpus.files],
    okCodes: [0, 1],
    parse: (stdout) => {
      const items = asArray(json(stdout)).map(record);
      return {
        reported: items.map((i) => ({ file: resolve(String(i.file)), id: String(i.code) })),
        parseErrors: new Set(items.filter((i) => i.code === "DL1000").map((i) => i.file)).size,
      };
    },
  },
  {
    tool: "checkov",
    corpus: "dockerfile",
    command: (exe, corpus) => [
      exe,
      "--directory",
      corpus.dir,
      "--framework",
      "dockerfile",
      "--output",
      "json",
      "--quiet",
      "--compact",
      "--skip-download",
    ],
    okCodes: [0, 1],
    parse: parseCheckov,
  },
  {
    tool: "checkov",
    corpus: "manifest",
    command: (exe, corpus) => [
      exe,
      "--directory",
      corpus.dir,
      "--framework",
      "kubernetes",
      "--output",
      "json",
      "--quiet",
      "--compact",
      "--skip-download",
    ],
    okCodes: [0, 1],
    parse: parseCheckov,
  },
  {
    tool: "kube-score",
    corpus: "manifest",
    // The one optional check that matches a planted problem is turned on.
    command: (exe, corpus) => [
      exe,
      "score",
      "--output-format",
      "json",
      "--enable-optional-test",
      "container-seccomp-profile",
      ...corpus.files,
    ],
    okCodes: [0, 1],
    parse: (stdout) => {
      const reported: ReportedId[] = [];
      for (const object of asArray(json(stdout)).map(record)) {
        for (const check of asArray(object.checks).map(record)) {
          // Grades: 10 all OK, 7 almost OK, 5 warning, 1 critical.
          if (check.skipped !== true && Number(check.grade) <= 5) {
            reported.push({
              file: resolve(String(object.file_name)),
              id: String(record(check.check).id),
            });
          }
        }
      }
      return { reported, parseErrors: 0 };
    },
  },
  ...(["dockerfile", "manifest"] as const).map((corpus): ToolRecipe => ({
    tool: "trivy",
    corpus,
    command: (exe, files) => [
      exe,
      "config",
      "--quiet",
      "--format",
      "json",
      "--skip-check-update",
      "--cache-dir",
      join(files.dir, "..", "trivy-cache"),
      files.dir,
    ],
    okCodes: [0, 1],
    parse: (stdout, files) => {
      const reported: ReportedId[] = [];
      for (const result of asArray(record(json(stdout)).Results).map(record)) {
        const target = String(result.Target);
        for (const m of asArray(result.Misconfigurations).map(record)) {
          if (m.Status === "FAIL") {
            reported.push({
              file: isAbsolute(target) ? target : join(files.dir, target),
              id: normaliseId("trivy", String(m.ID ?? m.AVDID)),
            });
          }
        }
      }
      return { reported, parseErrors: 0 };
    },
  })),
];
