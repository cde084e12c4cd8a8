import { readFileSync, readdirSync, statSync } from "fs";
import { extname, join } from "path";
import { InputError } from "./input-error";

/** A file's text, named as the user named it (`-` for standard input). */
export interface InputFile {
  readonly file: string;
  readonly text: string;
}

function readText(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    throw new InputError(
      `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    );
  }
}

function collect(path: string, extensions: readonly string[], out: string[]): void {
  let stats;
  try {
    stats = statSync(path);
  } catch (error) {
    throw new InputError(
      `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    );
  }
  if (!stats.isDirectory()) {
    out.push(path);
    return;
  }
  for (const entry of readdirSync(path, { withFileTypes: true }).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    const child = join(path, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== "node_modules" && !entry.name.startsWith(".")) {
        collect(child, extensions, out);
      }
    } else if (extensions.includes(extname(entry.name).toLowerCase())) {
      out.push(child);
    }
  }
}

/**
 * Reads the inputs named on the command line: files as given, directories recursively (only files
 * with one of `extensions`, skipping hidden folders and node_modules), and `-` as standard input.
 * Throws an `InputError` naming the first path that cannot be read.
 */
export function readInputFiles(
  paths: readonly string[],
  extensions: readonly string[],
  stdin: () => string,
): InputFile[] {
  const files: InputFile[] = [];
  for (const path of paths) {
    if (path === "-") {
      files.push({ file: "-", text: stdin() });
      continue;
    }
    const found: string[] = [];
    collect(path, extensions, found);
    files.push(...found.map((file) => ({ file, text: readText(file) })));
  }
  return files;
}
