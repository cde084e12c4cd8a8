import { getRule, isKnownRuleId } from "../rules/catalog";
import { Exemption } from "../rules/exemptions/exemption";
import { refusalOf } from "../rules/exemptions/governance";
import { configuredPolicies } from "./configured-levels";
import { defaultEnforcementLevel } from "./enforcement";
import { PackSettings, readSettings } from "./settings";

/**
 * The pack-level section of the pack config: the settings every policy reads, under this key,
 * like a policy's own (`{"hardened": {"profile": "restricted", "allowExemptions": {...}}}`). It
 * is also the name of the advisory policy that reports every honoured exemption.
 */
export const PACK_SECTION = "hardened";

/**
 * The configuration a policy works with: the pack-level `section`, overridden key by key by the
 * policy's own settings, except `exemptions`, which add up (the section's and the policy's own).
 */
export function withPackSection(
  section: Readonly<Record<string, unknown>>,
  policy: string,
  own: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  if (policy === PACK_SECTION || Object.keys(section).length === 0) {
    return { ...own };
  }
  const exemptions = [
    ...((section.exemptions as unknown[] | undefined) ?? []),
    ...((own.exemptions as unknown[] | undefined) ?? []),
  ];
  return {
    ...section,
    ...own,
    ...(exemptions.length > 0 ? { exemptions } : {}),
  };
}

/** {@link withPackSection} with the pack-level section the engine last configured. */
export function effectiveConfig(
  policy: string,
  own: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  return withPackSection(configuredPolicies()?.get(PACK_SECTION)?.properties ?? {}, policy, own);
}

/** The settings of `policy`: the pack-level section with its own configuration over it. */
export function policySettings(
  policy: string,
  own: Readonly<Record<string, unknown>>,
): PackSettings {
  return readSettings(policy, effectiveConfig(policy, own));
}

/**
 * The enforcement level of a rule's policy: as the engine configured it, or its default before
 * the first configuration (or when the configuration cannot be read).
 */
export function enforcementLevelOf(ruleId: string): string {
  const configured = configuredPolicies()?.get(ruleId)?.enforcementLevel;
  return (
    configured ?? (isKnownRuleId(ruleId) ? defaultEnforcementLevel(getRule(ruleId)) : "advisory")
  );
}

/** True when a rule's policy blocks: `mandatory`, or `remediate` (mandatory once it cannot fix). */
export function isMandatoryRule(ruleId: string): boolean {
  const level = enforcementLevelOf(ruleId);
  return level === "mandatory" || level === "remediate";
}

/**
 * Decides, with the pack's secure default, whether `settings` honour `exemption` for a resource
 * in `namespace`: inline exemptions (annotations, component args) only for rules whose policy is
 * not mandatory, unless `allowExemptions` says otherwise. Undefined when honoured, else why not.
 */
export function packRefusalOf(
  settings: PackSettings,
  namespace: string | null,
): (exemption: Exemption) => string | undefined {
  return (exemption) =>
    refusalOf(
      exemption,
      settings.governance,
      { namespace, isMandatory: isMandatoryRule },
      "non-mandatory",
    );
}

/** Type tokens of the pulumi-hardened components that write exemption annotations from their args. */
const COMPONENT_TYPE_PREFIX = "hardened:index:";

/**
 * Where a resource's own exemption annotations came from: `args` when a pulumi-hardened component
 * is among its parents (its URN's type chain, `…::hardened:index:HardenedDeployment$kubernetes:apps/v1:Deployment::api`),
 * which wrote them from its `exemptions`; `annotations` otherwise.
 */
export function inlineSourceOf(urn: string): "args" | "annotations" {
  const typeChain = urn.split("::")[2] ?? "";
  return typeChain.split("$").some((t) => t.startsWith(COMPONENT_TYPE_PREFIX))
    ? "args"
    : "annotations";
}

/**
 * The configured exemptions a policy without refusal reporting applies (Docker resources, inline
 * Dockerfiles, the stack policy): all of them, or none when `allowExemptions.from` leaves out
 * `config`.
 */
export function configExemptionsOf(settings: PackSettings): PackSettings["exemptions"] {
  const from = settings.governance.from;
  return from === undefined || from.includes("config") ? settings.exemptions : [];
}
