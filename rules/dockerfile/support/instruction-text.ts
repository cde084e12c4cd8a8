import { Argument, Instruction, JSONInstruction } from "dockerfile-ast";
import { SHELLS } from "../../knowledge/programs";

/** Converts dockerfile-ast positions (line, character) into offsets in the file text. */
export class OffsetIndex {
  private readonly lineStarts: number[] = [0];

  constructor(text: string) {
    if (!text.includes("\r")) {
      for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) {
        this.lineStarts.push(i + 1);
      }
      return;
    }
    const breaks = /\r\n|\r|\n/g;
    for (let m = breaks.exec(text); m !== null; m = breaks.exec(text)) {
      this.lineStarts.push(m.index + m[0].length);
    }
  }

  /** The offset of a zero-based position. */
  offsetAt(position: { readonly line: number; readonly character: number }): number {
    return (this.lineStarts[position.line] ?? 0) + position.character;
  }
}

/** The last path component of a program path: `/usr/bin/curl` is `curl`. */
export function programName(word: string): string {
  return word.slice(word.lastIndexOf("/") + 1);
}

/** True when `word` names a shell (whose `-c` argument or heredoc input is a shell script). */
export function isShell(word: string): boolean {
  return SHELLS.includes(programName(word));
}

/**
 * Joins continuation lines the way the Dockerfile frontend does: the escape character and the
 * newline go, and comment or blank lines inside the continuation are dropped.
 */
export function joinContinuations(raw: string, escape: string): string {
  const lines = raw.split(/\r\n|\r|\n/);
  let out = "";
  lines.forEach((line, i) => {
    if (i > 0 && (line.trim() === "" || /^\s*#/.test(line))) {
      return;
    }
    const trimmed = line.replace(/\s+$/, "");
    out += trimmed.endsWith(escape) ? trimmed.slice(0, -escape.length) : line;
  });
  return out;
}

/** The text pieces of one instruction that the model keeps. */
export interface InstructionText {
  /** See `DockerfileInstruction.text`. */
  readonly text: string;
  /** See `DockerfileInstruction.words`. */
  readonly words: readonly string[];
  /** See `DockerfileInstruction.execForm`. */
  readonly execForm: boolean;
  /** See `DockerfileInstruction.heredocs`. */
  readonly heredocs: readonly string[];
  /** See `DockerfileInstruction.script`. */
  readonly script: string;
}

/** A heredoc opener: `<<EOF`, `<<-EOF`, `<<"EOF"`; groups: the dash, the quote, the name. */
const HEREDOC_MARKER = /<<(-?)(["']?)([A-Za-z_][A-Za-z0-9_]*)\2/g;

/** The instructions that take heredocs. */
const HEREDOC_KEYWORDS: ReadonlySet<string> = new Set(["RUN", "COPY", "ADD"]);

/**
 * Splits an instruction's arguments into its first line and the bodies of the heredocs that first
 * line opens (`<<EOF`, `<<-EOF`, `<<"EOF"`), each ending at a line holding only its name (after
 * leading tabs, for `<<-`). Undefined when the first line opens none.
 */
export function splitHeredocs(raw: string): { command: string; bodies: string[] } | undefined {
  const lines = raw.split(/\r\n|\r|\n/);
  const markers = [...lines[0].matchAll(HEREDOC_MARKER)];
  if (markers.length === 0) {
    return undefined;
  }
  const bodies: string[] = [];
  let next = 1;
  for (const [, dash, , name] of markers) {
    const body: string[] = [];
    for (; next < lines.length; next++) {
      const line = dash === "-" ? lines[next].replace(/^\t+/, "") : lines[next];
      if (line === name) {
        next++;
        break;
      }
      body.push(lines[next]);
    }
    bodies.push(body.join("\n"));
  }
  return { command: lines[0], bodies };
}

function execWords(instruction: Instruction, raw: string): string[] | undefined {
  if (
    !raw.startsWith("[") ||
    !(instruction instanceof JSONInstruction) ||
    instruction.getOpeningBracket() === null ||
    instruction.getClosingBracket() === null
  ) {
    return undefined;
  }
  return instruction.getJSONStrings().map((s) => s.getJSONValue());
}

/** Commands that run the command after them (and their options), such as `sudo -E sh`. */
const COMMAND_WRAPPERS: ReadonlySet<string> = new Set([
  "sudo",
  "doas",
  "env",
  "exec",
  "nice",
  "nohup",
  "command",
  "time",
]);

/** Wrapper options that take the next word as their value (`sudo -u app sh`). */
const WRAPPER_OPTIONS_WITH_VALUE: ReadonlySet<string> = new Set(["-u", "-g", "-C", "-n", "-D"]);

/**
 * The words of a command without the wrappers in front of it (`sudo -E`, `env A=1`, `nice -n 5`),
 * so `sudo -u app sh -s` is read as `sh -s`.
 */
function withoutWrappers(words: readonly string[]): readonly string[] {
  let i = 0;
  while (i < words.length && COMMAND_WRAPPERS.has(programName(words[i]))) {
    i++;
    while (i < words.length && (words[i].startsWith("-") || /^[A-Za-z_]\w*=/.test(words[i]))) {
      i += WRAPPER_OPTIONS_WITH_VALUE.has(words[i]) ? 2 : 1;
    }
  }
  return words.slice(i);
}

/**
 * True when a RUN's first line pipes its heredoc into a shell reading the script from standard
 * input, `cat <<EOF | sh`, `cat <<'EOF' | bash -s` or `cat <<EOF | sudo -E sh`: the heredoc body
 * is then the script that runs, as with `sh <<EOF`.
 */
function pipesHeredocToShell(command: string): boolean {
  const marker = command.search(HEREDOC_MARKER);
  return command
    .slice(marker)
    .replace(/\|\|/g, ";")
    .split("|")
    .slice(1)
    .some((segment) => {
      const words = withoutWrappers(segment.split(/[;&]/)[0].trim().split(/\s+/));
      return (
        isShell(words[0]) &&
        words.slice(1).every((w) => w.startsWith("-") && !/^-[A-Za-z]*c[A-Za-z]*$/.test(w))
      );
    });
}

function scriptOf(
  words: readonly string[],
  execForm: boolean,
  command: string,
  bodies: readonly string[],
): string {
  if (execForm) {
    const c = words.indexOf("-c");
    return words.length > 0 && isShell(words[0]) && c !== -1 && c + 1 < words.length
      ? words[c + 1]
      : words.join(" ");
  }
  if (bodies.length === 0) {
    return command;
  }
  const invocation = command.replace(HEREDOC_MARKER, "").trim().split(/\s+/)[0] ?? "";
  return invocation === "" || isShell(invocation) || pipesHeredocToShell(command)
    ? [command, ...bodies].join("\n")
    : command;
}

/**
 * Reads the arguments of `instruction` (whose upper-case keyword is `keyword`) from the file: continuation lines joined, heredoc bodies
 * split out, the exec form's JSON strings decoded, and for RUN the shell script it runs.
 */
export function instructionText(
  instruction: Instruction,
  keyword: string,
  args: readonly Argument[],
  fileText: string,
  offsets: OffsetIndex,
  escape: string,
): InstructionText {
  const raw =
    args.length === 0
      ? ""
      : fileText.slice(
          offsets.offsetAt(args[0].getRange().start),
          offsets.offsetAt(args[args.length - 1].getRange().end),
        );
  const multiline = raw.includes("\n") || raw.includes("\r");
  const heredocs =
    multiline && raw.includes("<<") && HEREDOC_KEYWORDS.has(keyword)
      ? splitHeredocs(raw)
      : undefined;
  const bodies = heredocs?.bodies ?? [];
  const command = !multiline ? raw : joinContinuations(heredocs?.command ?? raw, escape);
  const text = bodies.length === 0 ? command : [command, ...bodies].join("\n");
  const exec = execWords(instruction, raw);
  const firstLine = args.length === 0 ? 0 : args[0].getRange().start.line;
  const words =
    exec ??
    (heredocs === undefined ? args : args.filter((a) => a.getRange().start.line === firstLine)).map(
      (a) => a.getValue(),
    );
  return {
    text,
    words,
    execForm: exec !== undefined,
    heredocs: bodies,
    script: keyword === "RUN" ? scriptOf(words, exec !== undefined, command, bodies) : "",
  };
}
