import { RuleMetadata, Violation } from "../rule";
import { DockerfileInstruction, DockerfileModel, DockerfileStage } from "./model";

/** Settings of the Dockerfile rules. */
export interface DockerfileRuleOptions {
  /**
   * Registries (or registry/path prefixes) images may come from; empty allows every registry.
   * @default []
   */
  readonly allowedRegistries?: readonly string[];
}

/** A Dockerfile rule's violation: where in the file, and in which stage. */
export interface DockerfileViolation extends Violation {
  /** One-based line of the offending instruction, or of the FROM of the stage a missing one belongs to. */
  readonly line: number;
  /** Index of the stage, or -1 for the ARGs before the first FROM. */
  readonly stage: number;
}

/**
 * A rule over a parsed Dockerfile. `check` reads the model only and returns violations; it never
 * throws on odd input, which it treats as absent.
 */
export interface DockerfileRule extends RuleMetadata {
  readonly target: "dockerfile";
  /** Checks one Dockerfile. */
  readonly check: (
    model: DockerfileModel,
    options: DockerfileRuleOptions,
  ) => readonly DockerfileViolation[];
}

/**
 * The path of an instruction in findings: `<stage label>.<KEYWORD>`, e.g. `stage[1](runtime).USER`,
 * or `global.ARG` for an ARG before the first FROM. The finding's `line` tells instructions with
 * the same keyword apart.
 */
export function instructionPath(
  model: DockerfileModel,
  instruction: DockerfileInstruction,
): string {
  return instruction.stage === -1
    ? `global.${instruction.keyword}`
    : `${model.stages[instruction.stage].label}.${instruction.keyword}`;
}

/** A violation at an instruction. */
export function violationAt(
  model: DockerfileModel,
  instruction: DockerfileInstruction,
  message: string,
): DockerfileViolation {
  return {
    line: instruction.line,
    stage: instruction.stage,
    path: instructionPath(model, instruction),
    message,
  };
}

/**
 * A violation for an instruction a stage lacks: the path names where it belongs
 * (`stage[1](runtime).USER`) and the line is the stage's FROM.
 */
export function missingIn(
  stage: DockerfileStage,
  keyword: string,
  message: string,
): DockerfileViolation {
  return { line: stage.line, stage: stage.index, path: `${stage.label}.${keyword}`, message };
}
