import { Exemption } from "./exemption";
import { globMatches } from "./glob";

/**
 * An exemption declared outside the resource (a config file, policy pack config): which rule,
 * for which resources, and why. Resource fields are globs (`*`, `?`); an omitted field matches
 * everything.
 */
export interface ExemptionSelector {
  /** The exempted rule id. */
  readonly rule: string;
  /** Why the finding is accepted. Mandatory. */
  readonly reason: string;
  /** Only this container of the matching resources. @default every container */
  readonly container?: string;
  /** Kind (or Pulumi type token) glob. @default any kind */
  readonly kind?: string;
  /** Resource name glob. @default any name */
  readonly name?: string;
  /** Namespace glob. @default any namespace */
  readonly namespace?: string;
}

/** The identity a selector is matched against. */
export interface ResourceIdentity {
  readonly kind?: string;
  readonly name?: string;
  readonly namespace?: string | null;
}

function matches(glob: string | undefined, value: string | null | undefined): boolean {
  return glob === undefined || globMatches(glob, value ?? "");
}

/** The exemptions that `selectors` grant to the resource `identity`. */
export function exemptionsFor(
  selectors: readonly ExemptionSelector[],
  identity: ResourceIdentity,
): Exemption[] {
  return selectors
    .filter(
      (s) =>
        matches(s.kind, identity.kind) &&
        matches(s.name, identity.name) &&
        matches(s.namespace, identity.namespace),
    )
    .map((s) => ({
      ruleId: s.rule,
      reason: s.reason,
      ...(s.container !== undefined ? { container: s.container } : {}),
    }));
}
