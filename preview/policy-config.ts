import { readFileSync } from "fs";
import { InputError } from "../shared/input-error";
import { EnforcementLevelName, PolicyConfiguration } from "./analyzer/analyzer-client";

const LEVELS: readonly string[] = ["advisory", "mandatory", "remediate", "disabled"];

/**
 * Reads a policy pack config file in the format of `pulumi preview --policy-pack-config`:
 * `{ "all": "<level>", "<policy>": "<level>" | { "enforcementLevel": "<level>", ...properties } }`.
 */
export function readPolicyConfig(file: string): Record<string, PolicyConfiguration> {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new InputError(`cannot read policy config ${file}: ${reason}`);
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw new InputError(`policy config ${file}: expected a JSON object keyed by policy name`);
  }
  const out: Record<string, PolicyConfiguration> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (typeof value === "string") {
      if (!LEVELS.includes(value)) {
        throw new InputError(
          `policy config ${file}: ${name}: "${value}" is not one of ${LEVELS.join(", ")}`,
        );
      }
      out[name] = { enforcementLevel: value as EnforcementLevelName };
      continue;
    }
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      throw new InputError(`policy config ${file}: ${name}: expected a level or an object`);
    }
    const { enforcementLevel, ...properties } = value as Record<string, unknown>;
    if (enforcementLevel !== undefined && !LEVELS.includes(String(enforcementLevel))) {
      throw new InputError(
        `policy config ${file}: ${name}.enforcementLevel: "${String(enforcementLevel)}" is not one of ${LEVELS.join(", ")}`,
      );
    }
    out[name] = {
      ...(enforcementLevel !== undefined
        ? { enforcementLevel: enforcementLevel as EnforcementLevelName }
        : {}),
      properties,
    };
  }
  return out;
}

/**
 * Reconciles the pack's defaults with the user's config the way the engine does before it sends
 * `Configure`: every policy gets its default level, then `all`, then its own entry.
 */
export function reconcilePolicyConfig(
  defaults: readonly { readonly name: string; readonly enforcementLevel: EnforcementLevelName }[],
  user: Readonly<Record<string, PolicyConfiguration>>,
): Record<string, PolicyConfiguration> {
  const all = user.all?.enforcementLevel;
  return Object.fromEntries(
    defaults.map((p) => {
      const own = user[p.name];
      return [
        p.name,
        {
          enforcementLevel: own?.enforcementLevel ?? all ?? p.enforcementLevel,
          properties: { ...(own?.properties ?? {}) },
        },
      ];
    }),
  );
}
