import { Dockerfile } from "dockerfile-ast";
import { DockerfileComment } from "./model";

/** A parser directive as BuildKit reads it; dockerfile-ast also accepts `# a b=c`, which is a comment. */
const DIRECTIVE = /^\s*#\s*[a-zA-Z][a-zA-Z0-9]*\s*=\s*\S/;

/**
 * The comment lines of a parsed Dockerfile. dockerfile-ast takes any leading `# a b=c` line for a
 * parser directive; BuildKit only accepts `# name=value` with a one-word name, so the rest are put
 * back among the comments (that is where `# hardened ignore-file=...` pragmas at the top of a file
 * end up).
 */
export function readComments(dockerfile: Dockerfile, text: string): DockerfileComment[] {
  const directives = dockerfile.getDirectives();
  const lines = directives.length === 0 ? [] : text.split(/\r\n|\r|\n/);
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
