/**
 * A parsed Dockerfile: its stages, how they depend on each other, and every instruction with its
 * text already joined across line continuations and its build variables expanded. Built by
 * `parseDockerfile`; read by the Dockerfile rules and by `imageReferences`.
 */

import { ImageReference } from "../image-reference";
import { ShellCommand } from "./support/shell";

/** A `--name[=value]` flag of an instruction. */
export interface DockerfileFlag {
  /** The flag's name without `--`. */
  readonly name: string;
  /** The value after `=`, or null when there is none. */
  readonly value: string | null;
  /** `key=value` options of a `--mount` flag, in order. */
  readonly options: readonly { readonly name: string; readonly value: string | null }[];
}

/** An image written in a Dockerfile (`FROM`, `COPY --from`, `RUN --mount=from=`). */
export interface WrittenImage {
  /** Tells it apart from a stage or scratch. */
  readonly kind: "image";
  /** The reference after build-variable expansion. */
  readonly reference: string;
  /** The reference as written in the file. */
  readonly written: string;
  /** Offset of `written` in the file text. */
  readonly start: number;
  /** Offset just past `written` in the file text. */
  readonly end: number;
  /** Variables that have no value where the reference is used. */
  readonly unresolved: readonly string[];
  /** `reference` parsed, or the error that says why it is not an image reference. */
  readonly parsed: ImageReference | Error;
}

/** What a FROM, `COPY --from` or `RUN --mount=from=` refers to. */
export type ImageSource =
  WrittenImage | { readonly kind: "stage"; readonly stage: number } | { readonly kind: "scratch" };

/** A `name=value` pair of ARG, ENV or LABEL. */
export interface DockerfileProperty {
  /** The variable or label name. */
  readonly name: string;
  /** The value as Docker sees it (quotes removed), or null for `ARG NAME` with no default. */
  readonly value: string | null;
}

/** One instruction, with everything the rules read from it. */
export interface DockerfileInstruction {
  /** The keyword in upper case: `RUN`, `COPY`, ... */
  readonly keyword: string;
  /** One-based first line. */
  readonly line: number;
  /** One-based last line (continuations and heredocs included). */
  readonly endLine: number;
  /** Index of the stage it belongs to, or -1 for an ARG before the first FROM. */
  readonly stage: number;
  /** The arguments after the flags, continuation lines joined and comment lines dropped. */
  readonly text: string;
  /**
   * `text` with build variables expanded for the instructions Docker expands (ADD, COPY, ENV,
   * EXPOSE, FROM, LABEL, STOPSIGNAL, USER, VOLUME, WORKDIR); `text` itself for the others.
   */
  readonly expanded: string;
  /** Variables used in `expanded` that have no value there. */
  readonly unresolved: readonly string[];
  /** The arguments as words; for the JSON (exec) form, the JSON strings. */
  readonly words: readonly string[];
  /** True when the arguments are a JSON array (exec form). */
  readonly execForm: boolean;
  /** The flags, in order. */
  readonly flags: readonly DockerfileFlag[];
  /** ARG, ENV and LABEL pairs; empty for other instructions. */
  readonly properties: readonly DockerfileProperty[];
  /** The bodies of the instruction's heredocs, in order. */
  readonly heredocs: readonly string[];
  /**
   * For RUN, the shell script it runs: the command line plus the bodies of heredocs fed to a
   * shell; for the exec form, the `-c` script of a shell or the words joined. Empty otherwise.
   */
  readonly script: string;
  /** The simple commands of `script`, as `splitShell` reads them; empty when there is no script. */
  readonly commands: readonly ShellCommand[];
  /** FROM's image, or COPY/ADD's `--from` source. */
  readonly source?: ImageSource;
  /** RUN's `--mount` sources (`from=`), in order. */
  readonly mountSources: readonly ImageSource[];
}

/** One build stage: a FROM and the instructions up to the next FROM. */
export interface DockerfileStage {
  /** Zero-based index. */
  readonly index: number;
  /** The `AS` name, lower-cased as Docker matches it, when there is one. */
  readonly name?: string;
  /** The stage as findings name it: `stage[1](runtime)`, or `stage[0]` without a name. */
  readonly label: string;
  /** One-based line of the FROM. */
  readonly line: number;
  /** What the stage starts from. */
  readonly base: ImageSource;
  /** The stage's instructions, its FROM first. */
  readonly instructions: readonly DockerfileInstruction[];
}

/** A `#` comment line. */
export interface DockerfileComment {
  /** One-based line. */
  readonly line: number;
  /** The text after `#`, trimmed. */
  readonly text: string;
}

/** A whole Dockerfile. */
export interface DockerfileModel {
  /** The file's name, for messages. */
  readonly file: string;
  /** The file's text. */
  readonly text: string;
  /** The escape character (`\` unless a `# escape=` directive says otherwise). */
  readonly escape: string;
  /** The `# syntax=` directive's value, when there is one. */
  readonly syntax?: string;
  /** The one-based line of the `# syntax=` directive, when there is one. */
  readonly syntaxLine?: number;
  /** The ARGs before the first FROM. */
  readonly globalArgs: readonly DockerfileInstruction[];
  /** The stages, in order. */
  readonly stages: readonly DockerfileStage[];
  /** Index of the stage that is built: the `target` stage, or the last one. */
  readonly target: number;
  /** Comment lines (parser directives excluded). */
  readonly comments: readonly DockerfileComment[];
  /** The `.dockerignore` text of the build context, when there is one. */
  readonly dockerignore?: string;
  /** The target stage and the stages it is built on, root first (read it with `finalChain`). */
  readonly finalChain: readonly DockerfileStage[];
  /** The instructions of `finalChain`, FROMs included (read it with `finalInstructions`). */
  readonly finalInstructions: readonly DockerfileInstruction[];
  /** The global ARGs and the instructions of every built stage (read it with `builtInstructions`). */
  readonly builtInstructions: readonly DockerfileInstruction[];
}
