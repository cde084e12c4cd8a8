import { RuleMetadata, Violation } from "../rule";

/**
 * The inputs of one Pulumi Docker resource as the engine hands them over: plain JSON-like values,
 * any of which may be missing or of an unexpected type.
 */
export type ResourceInputs = Readonly<Record<string, unknown>>;

/**
 * A rule over the inputs of one Pulumi Docker provider resource (`docker.Container`,
 * `docker.Image`, `dockerbuild.Image`). It runs only on the resource types it lists, reads nothing
 * but the inputs it is handed, never throws on bad input (it treats it as unset) and may throw
 * `UnknownValueError` when a value it needs is not known yet.
 */
export interface DockerResourceRule extends RuleMetadata {
  readonly target: "docker-resource";
  /** The Pulumi type tokens the rule applies to. */
  readonly resourceTypes: readonly string[];
  /** Checks the inputs of one resource of one of `resourceTypes`; `type` says which. */
  readonly check: (inputs: ResourceInputs, type: string) => readonly Violation[];
}

/** True when `rule` is a per-resource Docker rule. */
export function isDockerResourceRule(rule: RuleMetadata): rule is DockerResourceRule {
  return (
    rule.target === "docker-resource" &&
    typeof (rule as Partial<DockerResourceRule>).check === "function"
  );
}
