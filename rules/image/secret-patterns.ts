/**
 * How the image rules recognize secrets in environment variables and build history, without ever
 * reading a value out loud. Names and credential formats come from `knowledge/secret-patterns`.
 */
import { isSecretName, secretKindIn } from "../knowledge/secret-patterns";

/**
 * Why `NAME=value` looks like a secret ("its name", or the token format found), or undefined.
 * An empty value, or a name that only points at a secret (`DB_PASSWORD_FILE`), is no secret.
 */
export function secretAssignment(name: string, value: string): string | undefined {
  const kind = secretKindIn(value);
  if (kind !== undefined) {
    return `its value looks like ${kind}`;
  }
  if (value.trim() === "" || !isSecretName(name)) {
    return undefined;
  }
  return `its name says it holds a secret and it has a ${value.length}-character value`;
}

/** Why free text (a build step) contains a secret, or undefined. */
export function secretInText(text: string): string | undefined {
  const kind = secretKindIn(text);
  if (kind !== undefined) {
    return `it contains ${kind}`;
  }
  const flag = /--(password|passwd|token|secret|api-key)[= ]+(?!\$)\S+/i.exec(text);
  return flag === null ? undefined : `it passes --${flag[1].toLowerCase()} with a literal value`;
}

/** Splits `NAME=value` (value may be empty or missing). */
export function splitAssignment(assignment: string): [string, string] {
  const eq = assignment.indexOf("=");
  return eq < 0 ? [assignment, ""] : [assignment.slice(0, eq), assignment.slice(eq + 1)];
}
