/**
 * How the image rules recognize secrets in environment variables and build history, without ever
 * reading a value out loud.
 */

/** Variable names that say they hold a secret. */
const SECRET_NAME =
  /(PASSWORD|PASSWD|PASSPHRASE|SECRET|TOKEN|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|CREDENTIAL|AUTH_?KEY)/i;

/** Names that point at a secret instead of holding it (`DB_PASSWORD_FILE=/run/secrets/db`). */
const REFERENCE_NAME = /_(FILE|PATH|DIR|URL_FILE)$/i;

/** Values that are secrets whatever their name (well-known token formats). */
const SECRET_VALUES: readonly [string, RegExp][] = [
  ["an AWS access key id", /\b(AKIA|ASIA)[0-9A-Z]{16}\b/],
  ["a GitHub token", /\bgh[pousr]_[A-Za-z0-9]{36,}\b/],
  ["a Slack token", /\bxox[abposr]-[A-Za-z0-9-]{10,}/],
  ["a private key", /-----BEGIN [A-Z ]*PRIVATE KEY-----/],
  ["a Google API key", /\bAIza[0-9A-Za-z_-]{35}\b/],
  ["a password in a URL", /[a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:[^\s@/]+@/i],
];

/**
 * Why `NAME=value` looks like a secret ("its name", or the token format found), or undefined.
 * An empty value, or one that is obviously a file path for a `*_FILE` variable, is no secret.
 */
export function secretAssignment(name: string, value: string): string | undefined {
  const token = SECRET_VALUES.find(([, re]) => re.test(value));
  if (token !== undefined) {
    return `its value looks like ${token[0]}`;
  }
  if (value.trim() === "" || REFERENCE_NAME.test(name) || !SECRET_NAME.test(name)) {
    return undefined;
  }
  return `its name says it holds a secret and it has a ${value.length}-character value`;
}

/** Why free text (a build step) contains a secret, or undefined. */
export function secretInText(text: string): string | undefined {
  const token = SECRET_VALUES.find(([, re]) => re.test(text));
  if (token !== undefined) {
    return `it contains ${token[0]}`;
  }
  const flag = /--(password|passwd|token|secret|api-key)[= ]+(?!\$)\S+/i.exec(text);
  return flag === null ? undefined : `it passes --${flag[1].toLowerCase()} with a literal value`;
}

/** Splits `NAME=value` (value may be empty or missing). */
export function splitAssignment(assignment: string): [string, string] {
  const eq = assignment.indexOf("=");
  return eq < 0 ? [assignment, ""] : [assignment.slice(0, eq), assignment.slice(eq + 1)];
}
