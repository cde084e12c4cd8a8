import { Exemption } from "../exemptions/exemption";
import { Finding } from "../finding";
import { DEFAULT_PROFILE, Profile } from "../profile";
import { dockerfilePragmaReasonRequired } from "./checks/pragma-reason-required";
import { DockerfileRule, DockerfileViolation } from "./dockerfile-rule";
import { DockerfileModel } from "./model";
import { parseDockerfile } from "./parse";
import { pragmaCovers, readPragmas } from "./pragmas";
import { DOCKERFILE_RULES } from "./rules";

/** What to lint a Dockerfile with. */
export interface LintDockerfileOptions {
  /** The file's name, reported in findings and errors ("-" for standard input). */
  readonly file: string;
  /**
   * The stage that is built (`docker build --target`); final-stage rules look at it.
   * @default the last stage
   */
  readonly target?: string;
  /**
   * The build context's `.dockerignore` text.
   * @default none: the context has no .dockerignore
   */
  readonly dockerignore?: string;
  /**
   * Registries (or registry/path prefixes) images may come from.
   * @default [] (every registry is allowed)
   */
  readonly allowedRegistries?: readonly string[];
  /**
   * The profile whose rules run.
   * @default hardened
   */
  readonly profile?: Profile;
  /**
   * The rules to run, when not every Dockerfile rule of the profile.
   * @default every Dockerfile rule of the profile
   */
  readonly rules?: readonly DockerfileRule[];
  /**
   * Decides whether a `# hardened ignore` pragma (an exemption from `pragmas`) is honoured:
   * undefined when it is, otherwise why not; the finding then stays open and carries the refusal.
   * @default every valid pragma is honoured
   */
  readonly refusalOf?: (exemption: Exemption) => string | undefined;
}

const RULE_IDS: ReadonlySet<string> = new Set(DOCKERFILE_RULES.map((r) => r.id));

function toFinding(model: DockerfileModel, rule: DockerfileRule, v: DockerfileViolation): Finding {
  const stage = v.stage === -1 ? undefined : model.stages[v.stage];
  return {
    ruleId: rule.id,
    severity: rule.severity,
    message: v.message,
    path: v.path,
    container: null,
    file: model.file,
    line: v.line,
    ...(stage !== undefined ? { stage: stage.name ?? String(stage.index) } : {}),
  };
}

/** Runs the Dockerfile rules on a parsed model; see `lintDockerfile`. */
export function lintModel(
  model: DockerfileModel,
  options: Omit<LintDockerfileOptions, "file" | "target" | "dockerignore"> = {},
): Finding[] {
  const profile = options.profile ?? DEFAULT_PROFILE;
  const rules = (options.rules ?? DOCKERFILE_RULES).filter((r) => r.profiles.includes(profile));
  const ruleOptions = { allowedRegistries: options.allowedRegistries ?? [] };
  const found: { rule: DockerfileRule; violation: DockerfileViolation }[] = [];
  for (const rule of rules) {
    for (const violation of rule.check(model, ruleOptions)) {
      found.push({ rule, violation });
    }
  }
  const { pragmas, problems } = readPragmas(model, (id) => RULE_IDS.has(id));
  if (rules.includes(dockerfilePragmaReasonRequired)) {
    found.push(
      ...problems.map((violation) => ({ rule: dockerfilePragmaReasonRequired, violation })),
    );
  }
  return found
    .sort((a, b) => a.violation.line - b.violation.line)
    .map(({ rule, violation }) => {
      const finding = toFinding(model, rule, violation);
      const pragma = pragmas.find((p) => pragmaCovers(p, rule.id, violation.line, violation.stage));
      if (pragma === undefined) {
        return finding;
      }
      const refusal = options.refusalOf?.({
        ruleId: rule.id,
        reason: pragma.reason,
        source: "pragmas",
      });
      return refusal === undefined
        ? { ...finding, exempted: true, exemptionReason: pragma.reason, exemptionSource: "pragmas" }
        : { ...finding, refusedExemption: refusal };
    });
}

/**
 * Lints one Dockerfile: parses it (throwing `DockerfileSyntaxError`, with file and line, when
 * Docker could not build it), runs every Dockerfile rule of the profile, reports invalid
 * `# hardened ignore` pragmas, and marks the findings valid pragmas cover as exempted (they are
 * kept, with the pragma's reason). Findings are in line order; each carries `file`, `line`,
 * `stage` (its name, or its index when unnamed; absent before the first FROM) and a `path` of the
 * form `stage[<index>](<name>).<INSTRUCTION>`.
 */
export function lintDockerfile(text: string, options: LintDockerfileOptions): Finding[] {
  const model = parseDockerfile(text, {
    file: options.file,
    ...(options.target !== undefined ? { target: options.target } : {}),
    ...(options.dockerignore !== undefined ? { dockerignore: options.dockerignore } : {}),
  });
  return lintModel(model, options);
}
