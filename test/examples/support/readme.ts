import { readFileSync } from "fs";
import { join } from "path";

/** The repository's `examples/` folder. */
export const EXAMPLES = join(__dirname, "..", "..", "..", "examples");

/** The text of `examples/<name>/README.md`. */
export function readmeOf(example: string): string {
  return readFileSync(join(EXAMPLES, example, "README.md"), "utf8");
}

/** The Markdown heading level of each line (0 for a non-heading or a line inside a code fence). */
function headingLevels(lines: readonly string[]): number[] {
  let fenced = false;
  return lines.map((line) => {
    if (line.startsWith("```")) {
      fenced = !fenced;
      return 0;
    }
    return fenced ? 0 : (/^(#{1,6}) /.exec(line)?.[1].length ?? 0);
  });
}

/**
 * The body of the README section under `heading` (a heading line with that exact text), up to the
 * next heading of the same or a higher level; headings inside code fences do not count. Throws
 * when the heading is missing.
 */
export function section(readme: string, heading: string): string {
  const lines = readme.split("\n");
  const levels = headingLevels(lines);
  const start = lines.findIndex((l, i) => levels[i] > 0 && l.replace(/^#+ /, "") === heading);
  if (start < 0) {
    throw new Error(`README has no heading "${heading}"`);
  }
  const end = levels.findIndex((level, i) => i > start && level > 0 && level <= levels[start]);
  return lines.slice(start + 1, end < 0 ? undefined : end).join("\n");
}

/**
 * The data rows of every Markdown table in `text`, each as its trimmed cells with surrounding
 * backquotes removed (the header row and the `---` separator are skipped).
 */
export function tableRows(text: string): string[][] {
  const rows: string[][] = [];
  const lines = text.split("\n");
  lines.forEach((line, i) => {
    const isRow = line.startsWith("|") && !/^\|[\s|:-]+\|$/.test(line);
    const isHeader = isRow && /^\|[\s|:-]+\|$/.test(lines[i + 1] ?? "");
    if (isRow && !isHeader) {
      rows.push(
        line
          .slice(1, -1)
          .split("|")
          .map((c) => c.trim().replace(/^`(.*)`$/, "$1")),
      );
    }
  });
  return rows;
}

/** The fenced code blocks of `text`, in order, without their fences. */
export function codeBlocks(text: string): string[] {
  return [...text.matchAll(/^```[a-z]*\n([\s\S]*?)^```$/gm)].map((m) => m[1]);
}
