import { Dockerfile, ParserDirective } from "dockerfile-ast";
import { DockerfileComment } from "../model";

/** A parser directive as BuildKit reads it; dockerfile-ast also accepts `# a b=c`, which is a comment. */
const DIRECTIVE = /^\s*#\s*[a-zA-Z][a-zA-Z0-9]*\s*=\s*\S/;

/** The lines of `text` up to zero-based line `last` (directives only occur at the top). */
function leadingLines(text: string, last: number): string[] {
  const lines: string[] = [];
  const breaks = /\r\n|\r|\n/g;
  let start = 0;
  while (lines.length <= last) {
    const m = breaks.exec(text);
    lines.push(text.slice(start, m === null ? text.length : m.index));
    if (m === null) {
      break;
    }
    start = m.index + m[0].length;
  }
  return lines;
}

/**
 * The comment lines of a parsed Dockerfile. dockerfile-ast takes any leading `# a b=c` line for a
 * parser directive; BuildKit only accepts `# name=value` with a one-word name, so the rest are put
 * back among the comments (that is where `# hardened ignore-file=...` pragmas at the top of a file
 * end up). `directives` are `dockerfile.getDirectives()`, which dockerfile-ast reads anew on each call.
 */
export function readComments(
  dockerfile: Dockerfile,
  directives: readonly ParserDirective[],
  text: string,
): DockerfileComment[] {
  const lines = leadingLines(text, Math.max(-1, ...directives.map((d) => d.getRange().start.line)));
  const misread = directives
    .map((d) => d.getRange().start.line)
    .filter((line) => !DIRECTIVE.test(lines[line]))
    .map((line) => ({ line: line + 1, text: lines[line].replace(/^\s*#/, "").trim() }));
  return [
    ...misread,
    ...dockerfile.getComments().map((c) => ({
      line: c.getRange().start.line + 1,
      text: c.getContent(),
    })),
  ];
}
