/** True when `text[at…]` matches `segment`, where `?` matches any one character. */
function segmentAt(text: string, at: number, segment: string): boolean {
  if (at + segment.length > text.length) {
    return false;
  }
  for (let i = 0; i < segment.length; i++) {
    if (segment[i] !== "?" && segment[i] !== text[at + i]) {
      return false;
    }
  }
  return true;
}

/** The first position at or after `from` where `segment` matches, or -1. */
function findSegment(text: string, from: number, segment: string): number {
  for (let at = from; at + segment.length <= text.length; at++) {
    if (segmentAt(text, at, segment)) {
      return at;
    }
  }
  return -1;
}

/**
 * True when the whole of `text` matches `glob`, where `*` matches any run of characters
 * (including none) and `?` exactly one; everything else is literal. The parts between stars are
 * placed leftmost in turn, which is always right for globs, so matching never backtracks: at most
 * `text.length × glob.length` character comparisons, however many stars the glob has.
 */
export function globMatches(glob: string, text: string): boolean {
  const segments = glob.split("*");
  if (segments.length === 1) {
    return glob.length === text.length && segmentAt(text, 0, glob);
  }
  const first = segments[0];
  const last = segments[segments.length - 1];
  if (first.length + last.length > text.length || !segmentAt(text, 0, first)) {
    return false;
  }
  const end = text.length - last.length;
  if (!segmentAt(text, end, last)) {
    return false;
  }
  let at = first.length;
  for (const segment of segments.slice(1, -1)) {
    const found = findSegment(text.slice(0, end), at, segment);
    if (found < 0) {
      return false;
    }
    at = found + segment.length;
  }
  return true;
}
