/**
 * How the rules recognize secrets by name (ARG, ENV and Kubernetes env variable names) and by
 * value (well-known credential formats), shared by the Dockerfile, built-image and Kubernetes
 * secret rules. Nothing here ever returns the matched text.
 */

/** Words that make an ARG or ENV name a secret on their own. */
const SECRET_WORDS: ReadonlySet<string> = new Set([
  "password",
  "passwd",
  "passphrase",
  "pwd",
  "secret",
  "token",
  "credential",
  "credentials",
  "apikey",
  "privatekey",
  "accesskey",
  "authkey",
  "secretkey",
]);

/** Pairs of consecutive words that name a secret: `API_KEY`, `PRIVATE_KEY`, `CLIENT_SECRET`... */
const SECRET_PAIRS: readonly (readonly [string, string])[] = [
  ["api", "key"],
  ["private", "key"],
  ["access", "key"],
  ["auth", "key"],
  ["signing", "key"],
  ["encryption", "key"],
  ["master", "key"],
];

/** Words that make a name about a secret rather than the secret itself (`TOKEN_FILE`, `PASSWORD_PATH`). */
const NOT_SECRET_WORDS: ReadonlySet<string> = new Set([
  "file",
  "path",
  "dir",
  "url",
  "public",
  "name",
  "env",
  "length",
  "id",
]);

/** Whole names that contain a secret word but are well-known non-secrets: the shell's `PWD`. */
const NOT_SECRET_NAMES: ReadonlySet<string> = new Set(["pwd"]);

/**
 * True when an ARG or ENV name says it holds a secret: a word such as PASSWORD, SECRET, TOKEN or
 * a pair such as API_KEY, PRIVATE_KEY, unless a word such as FILE, PATH, PUBLIC or URL says it
 * only points at one (`GITHUB_TOKEN` yes, `GITHUB_TOKEN_FILE` and `GPG_KEY` no). `DB_PWD` is a
 * secret name but `PWD` alone, the shell's working directory, is not.
 */
export function isSecretName(name: string): boolean {
  let known = SECRET_NAME_CACHE.get(name);
  if (known === undefined) {
    known = judgeName(name);
    if (SECRET_NAME_CACHE.size >= 10_000) {
      SECRET_NAME_CACHE.clear();
    }
    SECRET_NAME_CACHE.set(name, known);
  }
  return known;
}

const SECRET_NAME_CACHE = new Map<string, boolean>();

function judgeName(name: string): boolean {
  if (NOT_SECRET_NAMES.has(name.toLowerCase())) {
    return false;
  }
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== "");
  if (words.some((w) => NOT_SECRET_WORDS.has(w))) {
    return false;
  }
  return (
    words.some((w) => SECRET_WORDS.has(w)) ||
    words.some((w, i) => SECRET_PAIRS.some(([a, b]) => w === a && words[i + 1] === b))
  );
}

/** Well-known credential formats, by what they are; the matched text is never reported. */
const SECRET_VALUES: readonly {
  readonly kind: string;
  /** Text the format always contains: the pattern only runs on text that has one of them. */
  readonly hints: readonly string[];
  readonly pattern: RegExp;
}[] = [
  {
    kind: "an AWS access key id",
    hints: ["AKIA", "ASIA"],
    pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/,
  },
  {
    kind: "a GitHub token",
    hints: ["ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"],
    pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})\b/,
  },
  { kind: "a GitLab token", hints: ["glpat-"], pattern: /\bglpat-[A-Za-z0-9_-]{20,}/ },
  { kind: "a Slack token", hints: ["xox"], pattern: /\bxox[abprs]-[A-Za-z0-9-]{10,}/ },
  {
    kind: "a private key",
    hints: ["PRIVATE KEY-----"],
    pattern: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----/,
  },
  { kind: "a Google API key", hints: ["AIza"], pattern: /\bAIza[0-9A-Za-z_-]{35}\b/ },
  { kind: "a Stripe live key", hints: ["k_live_"], pattern: /\b[rs]k_live_[0-9A-Za-z]{24,}\b/ },
  { kind: "an npm token", hints: ["npm_"], pattern: /\bnpm_[A-Za-z0-9]{36}\b/ },
  {
    kind: "a URL with an embedded password",
    hints: ["@"],
    pattern: /\b[a-z][a-z0-9+.-]*:\/\/[^\s/:@$]+:[^\s/@$]+@/i,
  },
];

/** What kind of credential `text` contains, or undefined. */
export function secretKindIn(text: string): string | undefined {
  for (const format of SECRET_VALUES) {
    if (format.hints.some((h) => text.includes(h)) && format.pattern.test(text)) {
      return format.kind;
    }
  }
  return undefined;
}
