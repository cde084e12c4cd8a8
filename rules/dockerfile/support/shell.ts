import { programName } from "./instruction-text";
import { PackageInstall, readInstall } from "./packages";

/** One simple command of a shell script. */
export interface ShellCommand {
  /** The words as the shell splits them, quotes removed. */
  readonly words: readonly string[];
  /** True when the command reads the previous command's output through `|`. */
  readonly piped: boolean;
  /** The program run, without its path, after variable assignments and wrappers (`sudo`, `env`...). */
  readonly program: string;
  /** The program's arguments. */
  readonly args: readonly string[];
  /** The package install the command performs (`apt-get install`, `apk add`, `pip install`...). */
  readonly install: PackageInstall | undefined;
}

const WRAPPERS: ReadonlySet<string> = new Set([
  "sudo",
  "env",
  "exec",
  "command",
  "nice",
  "nohup",
  "time",
  "doas",
]);
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

function commandOf(words: string[], piped: boolean): ShellCommand {
  let i = 0;
  while (
    i < words.length &&
    (ASSIGNMENT.test(words[i]) ||
      WRAPPERS.has(programName(words[i])) ||
      (i > 0 && WRAPPERS.has(programName(words[i - 1])) && words[i].startsWith("-")))
  ) {
    i++;
  }
  const program = i < words.length ? programName(words[i]) : "";
  const args = words.slice(i + 1);
  return { words, piped, program, args, install: readInstall(program, args) };
}

/** A run of characters with no special meaning to the lexer, appended to a word at once. */
const PLAIN = /[^\s'"\\|;&()`$#]+/y;

/**
 * Splits a shell script into simple commands: on `;`, `&&`, `||`, `&`, `|`, newlines, brackets
 * and command substitutions, honouring quotes, backslashes and comments. It is a lexer, not a
 * shell: it does not expand variables or follow functions, which the rules do not need.
 */
export function splitShell(script: string): ShellCommand[] {
  const commands: ShellCommand[] = [];
  let words: string[] = [];
  let word = "";
  let inWord = false;
  let quote: "'" | '"' | null = null;
  let piped = false;
  const endWord = () => {
    if (inWord) {
      words.push(word);
    }
    word = "";
    inWord = false;
  };
  const endCommand = (nextPiped: boolean) => {
    endWord();
    if (words.length > 0) {
      commands.push(commandOf(words, piped));
    }
    words = [];
    piped = nextPiped;
  };
  for (let i = 0; i < script.length; i++) {
    const c = script[i];
    if (quote === "'") {
      const close = script.indexOf("'", i);
      word += script.slice(i, close === -1 ? script.length : close);
      i = close === -1 ? script.length : close;
      quote = null;
      continue;
    }
    if (quote !== null) {
      if (c === quote) {
        quote = null;
      } else if (c === "\\" && quote === '"' && i + 1 < script.length) {
        word += script[++i];
      } else {
        word += c;
      }
      continue;
    }
    if (c === "'" || c === '"') {
      quote = c;
      inWord = true;
    } else if (c === "\\") {
      if (script[i + 1] === "\n") {
        i++;
      } else if (i + 1 < script.length) {
        word += script[++i];
        inWord = true;
      }
    } else if (c === "#" && !inWord) {
      while (i + 1 < script.length && script[i + 1] !== "\n") {
        i++;
      }
    } else if (c === " " || c === "\t") {
      endWord();
    } else if (c === "|") {
      const or = script[i + 1] === "|";
      i += or ? 1 : 0;
      endCommand(!or);
    } else if (c === "&" && script[i - 1] !== ">" && script[i + 1] !== ">") {
      i += script[i + 1] === "&" ? 1 : 0;
      endCommand(false);
    } else if (c === ";" || c === "\n" || c === "\r" || c === "(" || c === ")" || c === "`") {
      endCommand(false);
    } else if (c === "$" && script[i + 1] === "(") {
      i++;
      endCommand(false);
    } else {
      PLAIN.lastIndex = i;
      const run = PLAIN.exec(script);
      word += run === null ? c : run[0];
      i += run === null ? 0 : run[0].length - 1;
      inWord = true;
    }
  }
  endCommand(false);
  return commands;
}
