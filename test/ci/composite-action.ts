import { spawnSync } from "child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { parse } from "yaml";

/**
 * Runs a composite action's steps as the GitHub runner would, on this machine: `run:` steps in bash
 * with the runner's files and variables (GITHUB_OUTPUT, GITHUB_PATH, GITHUB_ENV, RUNNER_TEMP…),
 * `uses:` steps recorded with their evaluated `with:`, and `${{ }}` expressions evaluated over
 * `inputs`, `github`, `runner` and `steps` (the subset composite actions use: contexts, string
 * literals, ==, !=, &&, ||, !, always(), success(), failure()).
 */

export interface ActionStep {
  readonly id?: string;
  readonly name?: string;
  readonly if?: string;
  readonly run?: string;
  readonly shell?: string;
  readonly uses?: string;
  readonly with?: Record<string, string>;
  readonly env?: Record<string, string>;
}

export interface CompositeAction {
  readonly inputs: Record<string, { default?: string }>;
  readonly outputs: Record<string, { value: string }>;
  readonly runs: { using: string; steps: ActionStep[] };
}

/** What happened to each step, in order. */
export interface StepRecord {
  readonly name: string;
  readonly outcome: "success" | "failure" | "skipped";
  readonly stdout: string;
  readonly stderr: string;
  /** For `uses:` steps: the action and its evaluated inputs. */
  readonly uses?: string;
  readonly with?: Record<string, string>;
}

export function readAction(file: string): CompositeAction {
  return parse(readFileSync(file, "utf8")) as CompositeAction;
}

type Value = string | boolean | undefined;
type Context = Record<string, unknown>;

function tokenize(expr: string): string[] {
  const tokens: string[] = [];
  const re = /\s*('(?:[^']|'')*'|==|!=|&&|\|\||[()!]|[A-Za-z_][A-Za-z0-9_.-]*(?:\(\))?|\d+)/y;
  let end = 0;
  let match: RegExpExecArray | null;
  while ((match = re.exec(expr)) !== null) {
    tokens.push(match[1]);
    end = re.lastIndex;
  }
  if (expr.slice(end).trim() !== "") {
    throw new Error(`cannot read expression ${expr}`);
  }
  return tokens;
}

/** Evaluates one expression: `status` is the job's status so far, for the status functions. */
export function evaluate(expr: string, context: Context, status: "success" | "failure"): Value {
  const tokens = tokenize(expr);
  let pos = 0;
  const truthy = (v: Value) => v !== undefined && v !== "" && v !== false;
  const primary = (): Value => {
    const token = tokens[pos++];
    if (token === "(") {
      const value = or();
      pos++;
      return value;
    }
    if (token === "!") return !truthy(primary());
    if (token.startsWith("'")) return token.slice(1, -1).replace(/''/g, "'");
    if (token === "always()") return true;
    if (token === "success()") return status === "success";
    if (token === "failure()") return status === "failure";
    if (token === "true" || token === "false") return token === "true";
    let node: unknown = context;
    for (const part of token.split(".")) {
      node = typeof node === "object" && node !== null ? (node as Context)[part] : undefined;
    }
    return node === undefined || node === null ? "" : (node as string);
  };
  const comparison = (): Value => {
    let left = primary();
    while (tokens[pos] === "==" || tokens[pos] === "!=") {
      const op = tokens[pos++];
      const right = primary();
      left = op === "==" ? String(left) === String(right) : String(left) !== String(right);
    }
    return left;
  };
  const and = (): Value => {
    let left = comparison();
    while (tokens[pos] === "&&") {
      pos++;
      const right = comparison();
      left = truthy(left) ? right : left;
    }
    return left;
  };
  const or = (): Value => {
    let left = and();
    while (tokens[pos] === "||") {
      pos++;
      const right = and();
      left = truthy(left) ? left : right;
    }
    return left;
  };
  return or();
}

/** Replaces every `${{ expr }}` in `text`. */
export function interpolate(text: string, context: Context): string {
  return text.replace(/\$\{\{(.*?)\}\}/g, (_, expr: string) =>
    String(evaluate(expr, context, "success") ?? ""),
  );
}

/** Reads a GITHUB_OUTPUT file: `name=value` lines and `name<<DELIM … DELIM` blocks. */
function readOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([^=<]+)<<(.+)$/.exec(lines[i]);
    if (heredoc) {
      const end = lines.indexOf(heredoc[2], i + 1);
      outputs[heredoc[1]] = lines.slice(i + 1, end).join("\n");
      i = end;
    } else if (lines[i].includes("=")) {
      const at = lines[i].indexOf("=");
      outputs[lines[i].slice(0, at)] = lines[i].slice(at + 1);
    }
  }
  return outputs;
}

/** Runs the action's steps with `inputs` over the defaults, in `workspace`, as the runner would. */
export function runCompositeAction(
  action: CompositeAction,
  options: {
    actionPath: string;
    workspace: string;
    inputs: Record<string, string>;
    env?: Record<string, string>;
    /** Runs only the steps whose id is listed (all when absent), as if the others had not been there. */
    only?: readonly string[];
    /** PATH entries earlier steps added (GITHUB_PATH), e.g. of an install run before. */
    path?: readonly string[];
  },
): {
  steps: StepRecord[];
  status: "success" | "failure";
  outputs: Record<string, string>;
  path: string[];
} {
  const temp = mkdtempSync(join(options.workspace, "..", "runner-temp-"));
  const files = {
    GITHUB_OUTPUT: join(temp, "output"),
    GITHUB_PATH: join(temp, "path"),
    GITHUB_ENV: join(temp, "env"),
    GITHUB_STEP_SUMMARY: join(temp, "summary"),
  };
  const inputs: Record<string, string> = {};
  for (const [name, spec] of Object.entries(action.inputs ?? {})) {
    inputs[name] = options.inputs[name] ?? String(spec.default ?? "");
  }
  const steps: Record<string, { outputs: Record<string, string>; outcome: string }> = {};
  const context: Context = {
    inputs,
    steps,
    github: { action_path: options.actionPath, workspace: options.workspace },
    runner: { temp, os: "Linux" },
  };
  const records: StepRecord[] = [];
  const extraPath: string[] = [...(options.path ?? [])];
  let status: "success" | "failure" = "success";
  const selected = action.runs.steps.filter(
    (step) => options.only === undefined || options.only.includes(step.id ?? ""),
  );
  for (const [index, step] of selected.entries()) {
    const name = interpolate(step.name ?? step.id ?? `step ${index}`, context);
    const condition = step.if === undefined ? "success()" : step.if.replace(/^\$\{\{|\}\}$/g, "");
    const wanted = /\b(always|success|failure)\(\)/.test(condition)
      ? evaluate(condition, context, status)
      : status === "success" && evaluate(condition, context, status);
    if (wanted === false || wanted === "" || wanted === undefined) {
      records.push({ name, outcome: "skipped", stdout: "", stderr: "" });
      if (step.id) steps[step.id] = { outputs: {}, outcome: "skipped" };
      continue;
    }
    if (step.uses !== undefined) {
      const withInputs = Object.fromEntries(
        Object.entries(step.with ?? {}).map(([k, v]) => [k, interpolate(String(v), context)]),
      );
      records.push({
        name,
        outcome: "success",
        stdout: "",
        stderr: "",
        uses: step.uses,
        with: withInputs,
      });
      if (step.id) steps[step.id] = { outputs: {}, outcome: "success" };
      continue;
    }
    for (const file of Object.values(files)) writeFileSync(file, "");
    const script = join(temp, `step-${index}.sh`);
    writeFileSync(script, step.run ?? "");
    const env: Record<string, string> = {
      ...(process.env as Record<string, string>),
      ...options.env,
      ...files,
      CI: "true",
      GITHUB_ACTIONS: "true",
      GITHUB_ACTION_PATH: options.actionPath,
      GITHUB_WORKSPACE: options.workspace,
      RUNNER_TEMP: temp,
      RUNNER_OS: "Linux",
      PATH: [...extraPath, options.env?.PATH ?? process.env.PATH].join(":"),
    };
    for (const [k, v] of Object.entries(step.env ?? {})) env[k] = interpolate(String(v), context);
    // The runner's command for `shell: bash`.
    const result = spawnSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", script], {
      cwd: options.workspace,
      env,
      encoding: "utf8",
    });
    const outcome = result.status === 0 ? "success" : "failure";
    records.push({ name, outcome, stdout: result.stdout, stderr: result.stderr });
    if (step.id) {
      steps[step.id] = { outputs: readOutputs(readFileSync(files.GITHUB_OUTPUT, "utf8")), outcome };
    }
    extraPath.unshift(
      ...readFileSync(files.GITHUB_PATH, "utf8")
        .split("\n")
        .filter((l) => l !== "")
        .reverse(),
    );
    if (outcome === "failure") status = "failure";
  }
  const outputs = Object.fromEntries(
    Object.entries(action.outputs ?? {}).map(([k, v]) => [k, interpolate(v.value, context)]),
  );
  return { steps: records, status, outputs, path: extraPath };
}
