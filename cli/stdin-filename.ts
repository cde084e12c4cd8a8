import { InputError } from "../shared/input-error";

/**
 * `items` with the file `-` (standard input) renamed to `name`, so findings read from a pipe get
 * the location the user gave with `--stdin-filename`; unchanged when `name` is undefined.
 */
export function relabelStdin<T extends { readonly file?: string }>(
  items: readonly T[],
  name: string | undefined,
): T[] {
  return items.map((item) =>
    name !== undefined && item.file === "-" ? { ...item, file: name } : item,
  );
}

/** `--stdin-filename` checked: a non-empty name that is not `-`, or an `InputError`. */
export function stdinFilenameOf(value: string | undefined): string | undefined {
  if (value !== undefined && (value === "" || value === "-")) {
    throw new InputError(`--stdin-filename "${value}" must name a file (not empty, not -)`);
  }
  return value;
}
