/** A replacement of `text.slice(start, end)`, which must equal `expected`, by `replacement`. */
export interface TextEdit {
  /** Offset of the replaced text. */
  readonly start: number;
  /** Offset just past the replaced text. */
  readonly end: number;
  /** The text the offsets must hold. */
  readonly expected: string;
  /** What to write instead. */
  readonly replacement: string;
}

/** The text at an edit's offsets is not what the edit expects: the offsets belong to other text. */
export class StaleEditError extends Error {
  constructor(edit: TextEdit, found: string) {
    super(
      `cannot replace "${edit.expected}" at offsets ${edit.start}-${edit.end}: the text there is "${found}"`,
    );
    this.name = "StaleEditError";
  }
}

/**
 * Applies non-overlapping edits to `text` (in any order), leaving every other byte as it was.
 * Throws `StaleEditError` when an edit's offsets do not hold its expected text.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start);
  let out = text;
  let limit = text.length;
  for (const edit of sorted) {
    const found = text.slice(edit.start, edit.end);
    if (found !== edit.expected || edit.end > limit) {
      throw new StaleEditError(edit, found);
    }
    out = out.slice(0, edit.start) + edit.replacement + out.slice(edit.end);
    limit = edit.start;
  }
  return out;
}
