import { Exemption, ExemptionSource } from "./exemption";

/** Which rules inline exemptions (annotations, component args, Dockerfile pragmas) may name. */
export type InlineExemptionRules =
  /** Only rules whose policy is not mandatory (the policy pack's default). */
  | "non-mandatory"
  /** Every rule (the CLI's default: it has no enforcement levels). */
  | "any"
  /** Exactly these rule ids. */
  | { readonly allow: readonly string[] }
  /** Every rule but these ids. */
  | { readonly deny: readonly string[] };

/**
 * Who may exempt what: the `allowExemptions` setting of the CLI config and of the policy pack.
 * Exemptions from the platform's own configuration are governed by `from` only; `rules` and
 * `namespaces` restrict the inline ones, which a workload's author writes.
 */
export interface ExemptionGovernance {
  /**
   * Where honoured exemptions may come from: `config` (the CLI config file, the pack config),
   * `annotations` (`hardened.dev/exempt` on a workload), `args` (the `exemptions` of a
   * `HardenedDeployment`, which it writes as those annotations; only the pack can tell them apart,
   * by the component in the resource's URN), `pragmas` (`# hardened ignore` in a Dockerfile).
   * @default ["config", "annotations", "args", "pragmas"]
   */
  readonly from?: readonly ExemptionSource[];
  /**
   * The rules inline exemptions may name.
   * @default "non-mandatory" in the policy pack, "any" in the CLI
   */
  readonly rules?: InlineExemptionRules;
  /**
   * The namespaces (exact names) where inline exemptions are honoured; a resource without a
   * namespace matches none of them.
   * @default every namespace
   */
  readonly namespaces?: readonly string[];
}

/** Every exemption source: the platform's `config`, then the inline ones. */
export const EXEMPTION_SOURCES: readonly ExemptionSource[] = [
  "config",
  "annotations",
  "args",
  "pragmas",
];

/** What a governance decision needs to know about the exempted resource. */
export interface ExemptionScope {
  /** The resource's namespace, null when it has none. */
  readonly namespace: string | null;
  /** Tells whether the policy of a rule is mandatory (the pack's configured level). */
  readonly isMandatory: (ruleId: string) => boolean;
}

function describe(exemption: Exemption): string {
  const where = exemption.container === undefined ? "" : ` (container ${exemption.container})`;
  return `exemption of "${exemption.ruleId}"${where} from ${exemption.source ?? "config"}`;
}

/**
 * Decides whether `governance` honours `exemption`. Returns undefined when it does, and otherwise
 * why not, in words that name the exemption, its source and the setting that refuses it.
 *
 * @param defaultRules what `rules` means when unset: "non-mandatory" in the pack, "any" in the CLI.
 */
export function refusalOf(
  exemption: Exemption,
  governance: ExemptionGovernance,
  scope: ExemptionScope,
  defaultRules: InlineExemptionRules,
): string | undefined {
  const source = exemption.source ?? "config";
  const from = governance.from ?? EXEMPTION_SOURCES;
  if (!from.includes(source)) {
    return `${describe(exemption)} refused: allowExemptions.from is [${from.join(", ")}]`;
  }
  if (source === "config") {
    return undefined;
  }
  const namespaces = governance.namespaces;
  if (
    namespaces !== undefined &&
    (scope.namespace === null || !namespaces.includes(scope.namespace))
  ) {
    return `${describe(exemption)} refused: namespace ${scope.namespace ?? "(none)"} is not in allowExemptions.namespaces`;
  }
  const rules = governance.rules ?? defaultRules;
  const id = exemption.ruleId;
  if (rules === "non-mandatory" && scope.isMandatory(id)) {
    return `${describe(exemption)} refused: "${id}" is mandatory, so only the platform's pack config may exempt it (allowExemptions.rules)`;
  }
  if (typeof rules === "object" && "allow" in rules && !rules.allow.includes(id)) {
    return `${describe(exemption)} refused: "${id}" is not in allowExemptions.rules.allow`;
  }
  if (typeof rules === "object" && "deny" in rules && rules.deny.includes(id)) {
    return `${describe(exemption)} refused: "${id}" is in allowExemptions.rules.deny`;
  }
  return undefined;
}
