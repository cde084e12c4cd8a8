const NAMED: Readonly<Record<string, string>> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

function isControl(code: number): boolean {
  return code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029;
}

/**
 * `text` with every control character (C0, DEL, C1, and the line and paragraph separators) written
 * as an escape (`\n`, `\t`, `\x1b`, `\u2028`), so a name or message from untrusted input prints on
 * one line and cannot move the cursor, recolour the terminal or forge output lines.
 */
export function escapeControl(text: string): string {
  let out = "";
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!isControl(code)) {
      continue;
    }
    const c = text[i];
    out +=
      text.slice(start, i) +
      (NAMED[c] ??
        (code > 0xff
          ? `\\u${code.toString(16).padStart(4, "0")}`
          : `\\x${code.toString(16).padStart(2, "0")}`));
    start = i + 1;
  }
  return start === 0 ? text : out + text.slice(start);
}
