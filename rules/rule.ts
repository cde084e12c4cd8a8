import { Profile } from "./profile";
import { RuleReferences } from "./references";
import { Severity } from "./severity";

/**
 * What a rule looks at: one Kubernetes workload, a Dockerfile, a built image, a Docker resource,
 * a set of Kubernetes objects together (`kubernetes-set`: cross-resource rules), or the resources
 * of a Pulumi stack together (`stack`: a stack policy of the pack).
 */
export type RuleTarget =
  "kubernetes" | "kubernetes-set" | "dockerfile" | "image" | "docker-resource" | "stack";

/** A rule's identity and documentation: everything about it except its logic. */
export interface RuleMetadata {
  /** Stable kebab-case id; also the CrossGuard policy name. */
  readonly id: string;
  /** One line that says what the rule requires. */
  readonly title: string;
  /** Why it matters, in a sentence or two. */
  readonly description: string;
  /** The severity of its findings. */
  readonly severity: Severity;
  /** The profiles that include it. */
  readonly profiles: readonly Profile[];
  /** What it looks at. */
  readonly target: RuleTarget;
  /** The standards and tools it corresponds to. */
  readonly references: RuleReferences;
  /** What to change to comply. */
  readonly remediation: string;
}

/** A rule violation before it is attached to a resource: where, and what was found. */
export interface Violation {
  /** Exact field path of the offending value, or of where a missing field belongs. */
  readonly path: string;
  /** What was found and what is expected. */
  readonly message: string;
  /** The container's name, when the violation belongs to one. */
  readonly container?: string | null;
}

/** True when `id` is a valid rule id: lower-case kebab-case words. */
export function isRuleId(id: string): boolean {
  return /^[a-z0-9]+(-[a-z0-9]+)*$/.test(id);
}
