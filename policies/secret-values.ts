import { Secret } from "@pulumi/policy";
import { AsyncLocalStorage } from "async_hooks";
import { Finding } from "../rules/finding";

/** What a secret value is replaced with in a violation message. */
export const REDACTED = "[secret]";

function collect(value: unknown, inSecret: boolean, out: Set<string>): void {
  if (value instanceof Secret) {
    collect(value.value, true, out);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item) => collect(item, inSecret, out));
    return;
  }
  if (typeof value === "object" && value !== null) {
    for (const key of Object.keys(value)) {
      collect((value as Record<string, unknown>)[key], inSecret, out);
    }
    return;
  }
  if (inSecret && typeof value === "string" && value !== "") {
    out.add(value);
  }
}

/**
 * Every string inside a secret of `props` (the plain properties, `Secret` objects in place), as
 * written and as a JSON string would quote it, longest first. Secret booleans and numbers are not
 * collected: `true` or `0` would blank every message that names a setting.
 */
export function secretStrings(props: unknown): string[] {
  const out = new Set<string>();
  collect(props, false, out);
  for (const s of [...out]) {
    const quoted = JSON.stringify(s).slice(1, -1);
    if (quoted !== s) {
      out.add(quoted);
    }
  }
  return [...out].sort((a, b) => b.length - a.length);
}

/** A copy of `value` with every `Secret` replaced by its value; `value` itself when none. */
export function unwrapSecrets(value: unknown): unknown {
  if (value instanceof Secret) {
    return unwrapSecrets(value.value);
  }
  if (Array.isArray(value)) {
    return value.map(unwrapSecrets);
  }
  if (typeof value === "object" && value !== null) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      Object.defineProperty(out, key, {
        value: unwrapSecrets((value as Record<string, unknown>)[key]),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  }
  return value;
}

const recorded = new WeakMap<object, readonly string[]>();

/** Remembers the secret strings of a properties object whose secrets were unwrapped. */
export function recordSecrets(props: object, secrets: readonly string[]): void {
  recorded.set(props, secrets);
}

/** The secret strings of the request being analyzed, when they were read from the request. */
const requestSecrets = new AsyncLocalStorage<readonly string[]>();

/**
 * Runs `handle` (an Analyze request's handler) with `secrets` as the secret strings of every
 * properties object the request's policies are handed, for when those objects come unwrapped
 * and unrecorded (the SDK deserialized them itself).
 */
export function withRequestSecrets<T>(secrets: readonly string[], handle: () => T): T {
  return requestSecrets.run(secrets, handle);
}

/**
 * The secret strings of `props` (plain properties under the SDK's proxies): those recorded when
 * the pack deserialized them, else those of the request being analyzed (see
 * {@link withRequestSecrets}), else those of the `Secret` objects still in them.
 */
export function secretsOf(props: object): readonly string[] {
  return recorded.get(props) ?? requestSecrets.getStore() ?? secretStrings(props);
}

function redact(text: string, secrets: readonly string[]): string {
  return secrets.reduce((t, s) => (t.includes(s) ? t.split(s).join(REDACTED) : t), text);
}

/**
 * `findings` with every secret value replaced by `[secret]` in what a violation prints: the
 * message, the container name and the field path. Findings are returned as they are when
 * `secrets` is empty.
 */
export function redactSecrets(findings: readonly Finding[], secrets: readonly string[]): Finding[] {
  if (secrets.length === 0) {
    return [...findings];
  }
  return findings.map((f) => ({
    ...f,
    message: redact(f.message, secrets),
    path: redact(f.path, secrets),
    container: f.container === null ? null : redact(f.container, secrets),
  }));
}
