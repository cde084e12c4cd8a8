/** The Pod Security Standards control a rule implements. */
export interface PodSecurityReference {
  /** The standard's level: `baseline` or `restricted`. */
  readonly level: "baseline" | "restricted";
  /** The control's name as the standard writes it, e.g. "Privileged Containers". */
  readonly control: string;
  /** The check id in kubernetes/pod-security-admission, e.g. "privileged". */
  readonly psaCheckId: string;
}

/**
 * Where a rule comes from and what other tools call it. Every list holds the other tool's own ids;
 * a tool that has no equivalent is left out.
 */
export interface RuleReferences {
  /** The Pod Security Standards control, for rules that implement one. */
  readonly pss?: PodSecurityReference;
  /** CIS Docker Benchmark items, e.g. "4.1". */
  readonly cisDocker?: readonly string[];
  /** CIS Kubernetes Benchmark items, e.g. "5.2.2". */
  readonly cisKubernetes?: readonly string[];
  /** kube-linter check names. */
  readonly kubeLinter?: readonly string[];
  /** Checkov check ids. */
  readonly checkov?: readonly string[];
  /** Polaris check ids. */
  readonly polaris?: readonly string[];
  /** Kyverno policy names. */
  readonly kyverno?: readonly string[];
  /** hadolint rule ids. */
  readonly hadolint?: readonly string[];
  /** Dockle checkpoint ids, e.g. "CIS-DI-0001" or "DKL-DI-0005". */
  readonly dockle?: readonly string[];
  /** Trivy misconfiguration ids. */
  readonly trivy?: readonly string[];
  /** Further reading: specification or documentation URLs. */
  readonly docs?: readonly string[];
}

/** True when `refs` names at least one standard or equivalent tool id. */
export function hasAnyReference(refs: RuleReferences): boolean {
  return Object.values(refs).some((v) => v !== undefined && (!Array.isArray(v) || v.length > 0));
}
