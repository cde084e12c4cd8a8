import {
  Argument,
  DockerfileParser,
  Flag,
  Instruction,
  ModifiableInstruction,
  PropertyInstruction,
} from "dockerfile-ast";
import { stageAncestry } from "./support/ancestry";
import { parseReference } from "./support/base-image";
import { readComments } from "./support/comments";
import { checkFlags } from "./support/flags";
import { EXPANDED_KEYWORDS, KEYWORDS } from "./support/keywords";
import { OffsetIndex, instructionText } from "./support/instruction-text";
import {
  DockerfileInstruction,
  DockerfileModel,
  DockerfileProperty,
  DockerfileStage,
  ImageSource,
} from "./model";
import { splitShell } from "./support/shell";
import { DockerfileSyntaxError } from "./syntax-error";
import { VariableScope, expandVariables } from "./support/variables";

/** How to read a Dockerfile. */
export interface ParseDockerfileOptions {
  /** The file's name, used in error messages and findings. */
  readonly file: string;
  /**
   * The stage to build (`docker build --target`).
   * @default the last stage
   */
  readonly target?: string;
  /**
   * The build context's `.dockerignore` text.
   * @default none: the context has no .dockerignore
   */
  readonly dockerignore?: string;
}

const NO_FLAGS: DockerfileInstruction["flags"] = [];
const NO_SOURCES: readonly ImageSource[] = [];
const NO_PROPERTIES: readonly DockerfileProperty[] = [];
const NO_COMMANDS: DockerfileInstruction["commands"] = [];
const NO_NAMES: readonly string[] = [];

interface StageState {
  readonly index: number;
  readonly name?: string;
  readonly env: Map<string, string | null>;
}

/** Builds the model of one Dockerfile; see `parseDockerfile`. */
class ModelBuilder {
  private readonly offsets: OffsetIndex;
  private readonly globalScope = new Map<string, string | null>();
  private readonly globalArgs: DockerfileInstruction[] = [];
  private readonly stages: DockerfileStage[] = [];
  private readonly stageStates: StageState[] = [];
  private current: DockerfileInstruction[] = [];
  private scope = new Map<string, string | null>();

  constructor(
    private readonly text: string,
    private readonly options: ParseDockerfileOptions,
    private readonly escape: string,
  ) {
    this.offsets = new OffsetIndex(text);
  }

  private fail(line: number | undefined, problem: string): never {
    throw new DockerfileSyntaxError(this.options.file, line, problem);
  }

  private stageByName(name: string): number | undefined {
    const lower = name.toLowerCase();
    const found = this.stageStates.find((s) => s.name === lower);
    if (found !== undefined) {
      return found.index;
    }
    return /^\d+$/.test(name) && Number(name) < this.stageStates.length ? Number(name) : undefined;
  }

  private source(
    value: string,
    range: {
      start: { line: number; character: number };
      end: { line: number; character: number };
    } | null,
    scope: VariableScope,
    allowIndex: boolean,
  ): ImageSource {
    const expansion = expandVariables(value, scope, this.escape);
    const reference = expansion.value;
    const stage = allowIndex
      ? this.stageByName(reference)
      : this.stageStates.find((s) => s.name === reference.toLowerCase())?.index;
    if (stage !== undefined) {
      return { kind: "stage", stage };
    }
    if (reference === "scratch") {
      return { kind: "scratch" };
    }
    const start = range === null ? 0 : this.offsets.offsetAt(range.start);
    const end = range === null ? 0 : this.offsets.offsetAt(range.end);
    return {
      kind: "image",
      reference,
      written: this.text.slice(start, end),
      start,
      end,
      unresolved: expansion.unresolved,
      parsed: parseReference(reference),
    };
  }

  private properties(
    instruction: Instruction,
    scope: VariableScope,
  ): readonly DockerfileProperty[] {
    if (!(instruction instanceof PropertyInstruction)) {
      return NO_PROPERTIES;
    }
    return instruction.getProperties().map((p) => {
      const value = p.getValue();
      return {
        name: p.getName(),
        value: value === null ? null : expandVariables(value, scope, this.escape).value,
      };
    });
  }

  add(instruction: Instruction): void {
    const keyword = instruction.getKeyword();
    const range = instruction.getRange();
    const line = range.start.line + 1;
    if (!KEYWORDS.has(keyword)) {
      const written = instruction.getInstruction();
      this.fail(
        line,
        `${/^[A-Za-z]{1,20}$/.test(written) ? `unknown instruction "${written}"` : "the line does not start with an instruction"}; expected one of ${[...KEYWORDS].join(", ")}`,
      );
    }
    if (this.stageStates.length === 0 && keyword !== "ARG" && keyword !== "FROM") {
      this.fail(line, `${keyword} comes before the first FROM; only ARG may`);
    }
    const args = instruction.getArguments();
    if (args.length === 0) {
      this.fail(line, `${keyword} needs at least one argument`);
    }
    const flags: readonly Flag[] =
      instruction instanceof ModifiableInstruction ? instruction.getFlags() : [];
    if (flags.length > 0) {
      checkFlags(keyword, flags, this.options.file, line);
    }
    if (keyword === "FROM") {
      this.startStage(args, line);
    }
    const stage =
      keyword === "ARG" && this.stageStates.length === 0 ? -1 : this.stageStates.length - 1;
    const scope = stage === -1 || keyword === "FROM" ? this.globalScope : this.scope;
    const pieces = instructionText(
      instruction,
      keyword,
      args,
      this.text,
      this.offsets,
      this.escape,
    );
    const expansion = EXPANDED_KEYWORDS.has(keyword)
      ? expandVariables(pieces.text, scope, this.escape)
      : { value: pieces.text, unresolved: NO_NAMES };
    const properties = this.properties(instruction, scope);
    const fromFlag = flags.length === 0 ? undefined : flags.find((f) => f.getName() === "from");
    const node: DockerfileInstruction = {
      keyword,
      line,
      endLine: range.end.line + 1,
      stage,
      text: pieces.text,
      expanded: expansion.value,
      unresolved: expansion.unresolved,
      words: pieces.words,
      execForm: pieces.execForm,
      flags:
        flags.length === 0
          ? NO_FLAGS
          : flags.map((f) => ({
              name: f.getName(),
              value: f.getValue(),
              options: f.getOptions().map((o) => ({ name: o.getName(), value: o.getValue() })),
            })),
      properties,
      heredocs: pieces.heredocs,
      script: pieces.script,
      commands: pieces.script === "" ? NO_COMMANDS : splitShell(pieces.script),
      source:
        keyword === "FROM"
          ? this.stages[this.stages.length - 1].base
          : fromFlag !== undefined && (keyword === "COPY" || keyword === "ADD")
            ? this.source(fromFlag.getValue() ?? "", fromFlag.getValueRange(), scope, true)
            : undefined,
      mountSources:
        keyword !== "RUN" || flags.length === 0
          ? NO_SOURCES
          : flags
              .filter((f) => f.getName() === "mount")
              .flatMap((f) => f.getOptions().filter((o) => o.getName() === "from"))
              .map((o) => this.source(o.getValue() ?? "", o.getValueRange(), scope, true)),
    };
    this.define(keyword, instruction, properties);
    if (stage === -1) {
      this.globalArgs.push(node);
    } else {
      this.current.push(node);
    }
  }

  private define(
    keyword: string,
    instruction: Instruction,
    properties: readonly DockerfileProperty[],
  ): void {
    if (keyword === "ARG") {
      const inStage = this.stageStates.length > 0;
      for (const p of properties) {
        const inherited = inStage ? (this.globalScope.get(p.name) ?? null) : null;
        (inStage ? this.scope : this.globalScope).set(p.name, p.value ?? inherited);
      }
    } else if (keyword === "ENV" && instruction instanceof PropertyInstruction) {
      for (const p of properties) {
        this.scope.set(p.name, p.value ?? "");
        this.stageStates[this.stageStates.length - 1].env.set(p.name, p.value ?? "");
      }
    }
  }

  private startStage(args: readonly Argument[], line: number): void {
    this.closeStage();
    const words = args.map((a) => a.getValue());
    if (!(words.length === 1 || (words.length === 3 && words[1].toLowerCase() === "as"))) {
      this.fail(line, `FROM takes an image and an optional "AS <name>", got ${words.length} words`);
    }
    const image = words[0];
    const base = this.source(image, args[0].getRange(), this.globalScope, false);
    if (base.kind === "image" && base.unresolved.length > 0) {
      this.fail(
        line,
        `FROM ${image} uses ${base.unresolved.map((n) => `$${n}`).join(", ")}, which has no value: declare ARG ${base.unresolved[0]}=<default> before the first FROM`,
      );
    }
    if (base.kind === "image" && base.reference.trim() === "") {
      this.fail(line, `FROM ${image} expands to an empty image name`);
    }
    const name = words.length === 3 ? words[2].toLowerCase() : undefined;
    if (name !== undefined && this.stageStates.some((s) => s.name === name)) {
      this.fail(line, `stage name "${name}" is already used by an earlier FROM`);
    }
    const index = this.stageStates.length;
    const env = new Map(base.kind === "stage" ? this.stageStates[base.stage].env : []);
    this.stageStates.push({ index, ...(name !== undefined ? { name } : {}), env });
    this.scope = new Map(env);
    this.stages.push({
      index,
      ...(name !== undefined ? { name } : {}),
      label: name !== undefined ? `stage[${index}](${name})` : `stage[${index}]`,
      line,
      base,
      instructions: [],
    });
  }

  private closeStage(): void {
    const last = this.stages[this.stages.length - 1];
    if (last !== undefined) {
      this.stages[this.stages.length - 1] = { ...last, instructions: this.current };
    }
    this.current = [];
  }

  build(
    syntax: { readonly value: string; readonly line: number } | undefined,
    comments: DockerfileModel["comments"],
  ): DockerfileModel {
    this.closeStage();
    if (this.stages.length === 0) {
      this.fail(undefined, "there is no FROM instruction; a Dockerfile needs at least one");
    }
    let target = this.stages.length - 1;
    if (this.options.target !== undefined) {
      const wanted = this.options.target.toLowerCase();
      const found = this.stages.find((s) => s.name === wanted);
      if (found === undefined) {
        const names = this.stages.flatMap((s) => (s.name !== undefined ? [s.name] : []));
        throw new DockerfileSyntaxError(
          this.options.file,
          undefined,
          `target stage "${this.options.target}" does not exist; stages: ${names.length > 0 ? names.join(", ") : "none is named"}`,
        );
      }
      target = found.index;
    }
    return {
      file: this.options.file,
      text: this.text,
      escape: this.escape,
      ...(syntax !== undefined ? { syntax: syntax.value, syntaxLine: syntax.line } : {}),
      globalArgs: this.globalArgs,
      stages: this.stages,
      target,
      comments,
      ...(this.options.dockerignore !== undefined
        ? { dockerignore: this.options.dockerignore }
        : {}),
      ...stageAncestry({ globalArgs: this.globalArgs, stages: this.stages, target }),
    };
  }
}

/**
 * Parses a Dockerfile into its model. Throws `DockerfileSyntaxError`, naming the file and line,
 * for what Docker would refuse to build: no FROM, an unknown instruction, an instruction other
 * than ARG before the first FROM, a missing argument, an unknown flag or a flag without its value,
 * a FROM whose image uses an ARG with no value, a duplicate stage name, or an unknown target.
 */
export function parseDockerfile(text: string, options: ParseDockerfileOptions): DockerfileModel {
  const dockerfile = DockerfileParser.parse(text);
  const builder = new ModelBuilder(text, options, dockerfile.getEscapeCharacter());
  for (const instruction of dockerfile.getInstructions()) {
    builder.add(instruction);
  }
  const directives = dockerfile.getDirectives();
  const syntax = directives.find((d) => d.getName().toLowerCase() === "syntax");
  const comments = readComments(dockerfile, directives, text);
  return builder.build(
    syntax === undefined
      ? undefined
      : { value: syntax.getValue(), line: syntax.getRange().start.line + 1 },
    comments,
  );
}
