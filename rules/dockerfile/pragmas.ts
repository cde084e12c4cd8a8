import { DockerfileViolation } from "./dockerfile-rule";
import { DockerfileInstruction, DockerfileModel } from "./model";

/** What an inline `# hardened ignore...` pragma covers. */
export type PragmaScope =
  | { readonly kind: "instruction"; readonly fromLine: number; readonly toLine: number }
  | { readonly kind: "stage"; readonly stage: number }
  | { readonly kind: "file" };

/** A valid pragma: rules whose findings it accepts, where, and why. */
export interface Pragma {
  /** The rules whose findings it accepts. */
  readonly ruleIds: readonly string[];
  /** Why; never empty. */
  readonly reason: string;
  /** What it covers. */
  readonly scope: PragmaScope;
  /** One-based line of the comment. */
  readonly line: number;
}

/** The pragmas of a Dockerfile, and the comments that look like pragmas but are not valid. */
export interface DockerfilePragmas {
  /** The valid pragmas, honoured. */
  readonly pragmas: readonly Pragma[];
  /** One violation of `dockerfile-pragma-reason-required` per invalid pragma. */
  readonly problems: readonly DockerfileViolation[];
}

const PRAGMA = /^hardened\s+(ignore(?:-stage|-file)?)\b(.*)$/;
const BODY = /^\s*=\s*([A-Za-z0-9_,-]+)(?:\s+reason\s*=\s*(?:"([^"]*)"|'([^']*)'|(\S+)))?\s*$/;

/** The instruction a comment at `line` belongs to, or the first one after it; `all` in file order. */
function instructionAfter(
  all: readonly DockerfileInstruction[],
  line: number,
): DockerfileInstruction | undefined {
  return all.find((i) => i.line <= line && line <= i.endLine) ?? all.find((i) => i.line > line);
}

/**
 * Reads the inline pragmas:
 * `# hardened ignore=<rule-id>[,<rule-id>] reason="..."` covers the next instruction,
 * `# hardened ignore-stage=...` the stage of the next instruction (put it just before a FROM or
 * anywhere inside the stage), `# hardened ignore-file=...` the whole file. A pragma without a
 * reason, naming an unknown rule, or covering nothing is not honoured and comes back as a problem.
 */
export function readPragmas(
  model: DockerfileModel,
  isKnownRule: (id: string) => boolean,
): DockerfilePragmas {
  const pragmas: Pragma[] = [];
  const problems: DockerfileViolation[] = [];
  let all: DockerfileInstruction[] | undefined;
  for (const comment of model.comments) {
    const match = comment.text.startsWith("hardened") ? PRAGMA.exec(comment.text) : null;
    if (match === null) {
      continue;
    }
    const [, kind, rest] = match;
    all ??= [...model.globalArgs, ...model.stages.flatMap((s) => s.instructions)];
    const next = instructionAfter(all, comment.line);
    const stage = next?.stage ?? -1;
    const problem = (message: string) =>
      problems.push({
        line: comment.line,
        stage,
        path: stage === -1 ? "global.comment" : `${model.stages[stage].label}.comment`,
        message,
      });
    const body = BODY.exec(rest);
    if (body === null) {
      problem(
        `"# ${comment.text}" is not "# hardened ${kind}=<rule-id>[,<rule-id>] reason=\\"...\\"", so it is not honoured`,
      );
      continue;
    }
    const ruleIds = body[1].split(",").filter((id) => id !== "");
    const reason = (body[2] ?? body[3] ?? body[4] ?? "").trim();
    const unknown = ruleIds.filter((id) => !isKnownRule(id));
    if (reason === "") {
      problem(
        `# hardened ${kind}=${ruleIds.join(",")} has no reason="..."; every ignore needs a reason, so it is not honoured`,
      );
    } else if (unknown.length > 0 || ruleIds.length === 0) {
      problem(
        `# hardened ${kind} names unknown rule ids: ${unknown.join(", ") || "(none)"}; it is not honoured`,
      );
    } else if (
      kind !== "ignore-file" &&
      (next === undefined || (kind === "ignore-stage" && next.stage === -1))
    ) {
      problem(
        `# hardened ${kind} at line ${comment.line} is not followed by ${kind === "ignore" ? "an instruction" : "a stage"}, so it covers nothing`,
      );
    } else {
      const scope: PragmaScope =
        kind === "ignore-file"
          ? { kind: "file" }
          : kind === "ignore-stage"
            ? { kind: "stage", stage }
            : {
                kind: "instruction",
                fromLine: (next as DockerfileInstruction).line,
                toLine: (next as DockerfileInstruction).endLine,
              };
      pragmas.push({ ruleIds, reason, scope, line: comment.line });
    }
  }
  return { pragmas, problems };
}

/** True when `pragma` covers a violation of `ruleId` at `line` in `stage`. */
export function pragmaCovers(pragma: Pragma, ruleId: string, line: number, stage: number): boolean {
  if (!pragma.ruleIds.includes(ruleId)) {
    return false;
  }
  const scope = pragma.scope;
  return (
    scope.kind === "file" ||
    (scope.kind === "stage"
      ? scope.stage === stage
      : scope.fromLine <= line && line <= scope.toLine)
  );
}
