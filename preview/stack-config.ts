import { readFileSync } from "fs";
import { parse } from "yaml";
import { InputError } from "../shared/input-error";

/** Stack configuration as a program under `hardened preview` sees it. */
export interface StackConfig {
  /** `project:key` → value; objects and lists as JSON, like the Pulumi CLI passes them. */
  readonly config: Record<string, string>;
  /** Keys whose values are secret. */
  readonly secretKeys: string[];
  /** Keys whose `secure:` ciphertext could not be decrypted without the stack's secrets provider. */
  readonly undecrypted: string[];
}

/** What a program sees for an encrypted config value: hardened preview cannot decrypt it. */
export const UNDECRYPTED_PLACEHOLDER = "[secret not decrypted by hardened preview]";

/**
 * Reads a `Pulumi.<stack>.yaml` file. Plain values are passed as the Pulumi CLI passes them;
 * `secure:` values cannot be decrypted without the stack's secrets provider, so the program gets a
 * secret placeholder and the key is listed in `undecrypted`.
 */
export function readStackConfig(file: string, project: string): StackConfig {
  let document: unknown;
  try {
    document = parse(readFileSync(file, "utf8"));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message.split("\n")[0];
    throw new InputError(`cannot read stack config ${file}: ${reason}`);
  }
  const values = (document as { config?: unknown } | null)?.config ?? {};
  if (typeof values !== "object" || values === null || Array.isArray(values)) {
    throw new InputError(`stack config ${file}: "config" must be a mapping of keys to values`);
  }
  const result: StackConfig = { config: {}, secretKeys: [], undecrypted: [] };
  for (const [rawKey, value] of Object.entries(values)) {
    const key = rawKey.includes(":") ? rawKey : `${project}:${rawKey}`;
    const secure = typeof value === "object" && value !== null && "secure" in value;
    if (secure) {
      result.config[key] = UNDECRYPTED_PLACEHOLDER;
      result.secretKeys.push(key);
      result.undecrypted.push(key);
    } else {
      result.config[key] = typeof value === "string" ? value : JSON.stringify(value);
    }
  }
  return result;
}
