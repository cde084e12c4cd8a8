/** One authentication challenge of a `WWW-Authenticate` header (RFC 9110 section 11.6.1). */
export interface AuthChallenge {
  /** The scheme in lower case: `bearer`, `basic`. */
  readonly scheme: string;
  /** The parameters, names in lower case: `realm`, `service`, `scope`. */
  readonly params: Readonly<Record<string, string>>;
}

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+/;

/**
 * Parses a `WWW-Authenticate` header value into its challenges, in order. Handles quoted values
 * containing commas and several challenges in one value (as `fetch` joins repeated headers).
 * Unparseable trailing text is ignored.
 */
export function parseChallenges(header: string): AuthChallenge[] {
  const challenges: { scheme: string; params: Record<string, string> }[] = [];
  let rest = header;
  const skip = (pattern: RegExp) => {
    rest = rest.replace(pattern, "");
  };
  for (;;) {
    skip(/^[\s,]+/);
    const word = TOKEN.exec(rest);
    if (word === null) {
      return challenges;
    }
    rest = rest.slice(word[0].length);
    const param = /^\s*=\s*/.exec(rest);
    const current = challenges[challenges.length - 1];
    if (param === null || current === undefined) {
      challenges.push({ scheme: word[0].toLowerCase(), params: {} });
      continue;
    }
    rest = rest.slice(param[0].length);
    const quoted = /^"((?:[^"\\]|\\.)*)"/.exec(rest);
    const bare = quoted === null ? TOKEN.exec(rest) : null;
    const value = quoted !== null ? quoted[1].replace(/\\(.)/g, "$1") : (bare?.[0] ?? "");
    rest = rest.slice((quoted ?? bare)?.[0].length ?? 0);
    current.params[word[0].toLowerCase()] = value;
  }
}
