import { getRule } from "../../rules/catalog";
import { Exemption } from "../../rules/exemptions/exemption";
import { ExemptionGovernance, refusalOf } from "../../rules/exemptions/governance";
import { defaultEnforcementLevel } from "../../policies/enforcement";

/**
 * The `allowExemptions` that `hardened check` applies: the config's, where `--no-inline-exemptions`
 * (like hadolint's `--disable-ignore-pragma`) narrows the sources to `config`.
 */
export function cliGovernance(
  configured: ExemptionGovernance | undefined,
  noInlineExemptions: boolean,
): ExemptionGovernance {
  const governance = configured ?? {};
  return noInlineExemptions ? { ...governance, from: ["config"] } : governance;
}

/**
 * Decides one exemption for `hardened check`: undefined when honoured, else why not. The CLI has
 * no enforcement levels: `rules` defaults to `any`, and `"non-mandatory"` means the rules whose
 * policy is mandatory by default in the pack (the Pod Security Standards controls, image-digest).
 */
export function cliRefusalOf(
  governance: ExemptionGovernance,
): (exemption: Exemption, namespace: string | null) => string | undefined {
  const isMandatory = (id: string) => defaultEnforcementLevel(getRule(id)) === "mandatory";
  return (exemption, namespace) =>
    refusalOf(exemption, governance, { namespace, isMandatory }, "any");
}
