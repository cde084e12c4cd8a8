import { ExemptionSource } from "./exemption";
import { EXEMPTION_SOURCES, ExemptionGovernance, InlineExemptionRules } from "./governance";

/** Thrown for an invalid `allowExemptions` value; `field` is the path inside it. */
export class GovernanceError extends Error {
  constructor(
    readonly field: string,
    problem: string,
  ) {
    super(`${field}: ${problem}`);
    this.name = "GovernanceError";
  }
}

function stringList(value: unknown, field: string): string[] {
  if (!Array.isArray(value) || value.some((v) => typeof v !== "string" || v === "")) {
    throw new GovernanceError(
      field,
      `got ${JSON.stringify(value)}; expected a list of non-empty strings`,
    );
  }
  return value as string[];
}

function ruleIds(value: unknown, field: string, isKnownRule: (id: string) => boolean): string[] {
  const ids = stringList(value, field);
  const unknown = ids.filter((id) => !isKnownRule(id));
  if (unknown.length > 0) {
    throw new GovernanceError(
      field,
      `${unknown.map((id) => `"${id}"`).join(", ")} ${unknown.length === 1 ? "is not a rule id" : "are not rule ids"} (exact ids, no globs)`,
    );
  }
  return ids;
}

function readRules(value: unknown, isKnownRule: (id: string) => boolean): InlineExemptionRules {
  if (value === "non-mandatory" || value === "any") {
    return value;
  }
  const record = (typeof value === "object" && value !== null ? value : {}) as Record<
    string,
    unknown
  >;
  const keys = Object.keys(record);
  if (keys.length === 1 && keys[0] === "allow") {
    return { allow: ruleIds(record.allow, "allowExemptions.rules.allow", isKnownRule) };
  }
  if (keys.length === 1 && keys[0] === "deny") {
    return { deny: ruleIds(record.deny, "allowExemptions.rules.deny", isKnownRule) };
  }
  throw new GovernanceError(
    "allowExemptions.rules",
    `got ${JSON.stringify(value)}; expected "non-mandatory", "any", {"allow": [rule ids]} or {"deny": [rule ids]}`,
  );
}

/**
 * Reads an `allowExemptions` setting as written in a config (any type), checking every field.
 * Throws {@link GovernanceError} naming the field, what was given and what is allowed.
 */
export function readGovernance(
  value: unknown,
  isKnownRule: (id: string) => boolean,
): ExemptionGovernance {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new GovernanceError(
      "allowExemptions",
      `got ${JSON.stringify(value)}; expected an object with from, rules, namespaces`,
    );
  }
  const record = value as Record<string, unknown>;
  const extra = Object.keys(record).filter((k) => !["from", "rules", "namespaces"].includes(k));
  if (extra.length > 0) {
    throw new GovernanceError(
      `allowExemptions.${extra[0]}`,
      "unknown setting; expected from, rules or namespaces",
    );
  }
  const governance: {
    from?: ExemptionSource[];
    rules?: InlineExemptionRules;
    namespaces?: string[];
  } = {};
  if (record.from !== undefined) {
    const from = stringList(record.from, "allowExemptions.from");
    const bad = from.find((s) => !(EXEMPTION_SOURCES as readonly string[]).includes(s));
    if (bad !== undefined) {
      throw new GovernanceError(
        "allowExemptions.from",
        `"${bad}" is not a source; expected any of ${EXEMPTION_SOURCES.join(", ")}`,
      );
    }
    governance.from = from as ExemptionSource[];
  }
  if (record.rules !== undefined) {
    governance.rules = readRules(record.rules, isKnownRule);
  }
  if (record.namespaces !== undefined) {
    governance.namespaces = stringList(record.namespaces, "allowExemptions.namespaces");
  }
  return governance;
}
