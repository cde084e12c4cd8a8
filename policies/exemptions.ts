import { Exemption } from "../rules/exemptions/exemption";
import { globMatches } from "../rules/exemptions/glob";
import { ResourceIdentity, exemptionsFor } from "../rules/exemptions/selector";
import { PolicyExemption } from "./settings";

/**
 * The exemptions that configured `exemptions` grant to one resource for `ruleId`. Selectors match
 * as in the CLI's config file (kind, name, namespace, container), plus `urn` against the Pulumi URN.
 */
export function exemptionsForResource(
  exemptions: readonly PolicyExemption[],
  ruleId: string,
  identity: ResourceIdentity & { readonly urn: string },
): Exemption[] {
  return exemptionsFor(
    exemptions.filter(
      (e) => e.rule === ruleId && (e.urn === undefined || globMatches(e.urn, identity.urn)),
    ),
    identity,
  );
}
