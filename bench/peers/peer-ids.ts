import { CATALOG } from "../../rules/catalog";
import { RuleReferences } from "../../rules/references";

/** The catalog's reference list that holds each peer's own ids. */
const REFERENCE_FIELD: Readonly<Record<string, keyof RuleReferences>> = {
  hadolint: "hadolint",
  checkov: "checkov",
  trivy: "trivy",
  "kube-linter": "kubeLinter",
  polaris: "polaris",
};

/**
 * kube-score's check ids for the project's rules: the catalog has no kube-score references, so the
 * benchmark keeps them here (from kube-score's README list of checks).
 */
const KUBE_SCORE: Readonly<Record<string, readonly string[]>> = {
  privileged: ["container-security-context-privileged"],
  "run-as-non-root": ["container-security-context-user-group-id"],
  "run-as-user": ["container-security-context-user-group-id"],
  "run-as-group": ["container-security-context-user-group-id"],
  "high-uid": ["container-security-context-user-group-id"],
  "read-only-root-filesystem": ["container-security-context-readonlyrootfilesystem"],
  "seccomp-restricted": ["container-seccomp-profile"],
  "seccomp-baseline": ["container-seccomp-profile"],
  "image-tag": ["container-image-tag"],
  "image-digest": ["container-image-tag"],
  "readiness-probe": ["pod-probes"],
  "liveness-probe": ["pod-probes"],
  "resource-requests": ["container-resources"],
  "memory-limit": ["container-resources"],
  "network-policy-isolation": ["pod-networkpolicy"],
};

/**
 * Trivy misconfiguration ids the catalog's references do not list, for the rules whose planted
 * problems Trivy's built-in checks also find (ids as Trivy v0.74 reports them, e.g. KSV-0017).
 */
const TRIVY_EXTRA: Readonly<Record<string, readonly string[]>> = {
  privileged: ["KSV017"],
  "allow-privilege-escalation": ["KSV001"],
  "capabilities-restricted": ["KSV003"],
  "capabilities-baseline": ["KSV022"],
  "run-as-non-root": ["KSV012"],
  "read-only-root-filesystem": ["KSV014"],
  "host-namespaces": ["KSV008", "KSV009", "KSV010"],
  "host-ports": ["KSV024"],
  "seccomp-restricted": ["KSV030"],
  "host-path-volumes": ["KSV023"],
  "default-namespace": ["KSV110"],
  "automount-service-account-token": ["KSV036"],
  "dockerfile-secret-name": ["DS031"],
  "dockerfile-secret-value": ["DS031"],
};

/** A tool's own id normalised for comparison: Trivy writes DS002, DS-0002 or AVD-DS-0002. */
export function normaliseId(tool: string, id: string): string {
  if (tool !== "trivy") {
    return id;
  }
  const match = /^(?:AVD-)?([A-Z]+)-?0*(\d+)$/.exec(id.toUpperCase());
  return match === null ? id : `${match[1]}${Number(match[2])}`;
}

/** The ids under which `tool` reports what the project's `rules` report ("hardened": the rules). */
export function peerIds(tool: string, rules: readonly string[]): Set<string> {
  const ids = new Set<string>();
  for (const rule of rules) {
    if (tool === "hardened") {
      ids.add(rule);
      continue;
    }
    const field = REFERENCE_FIELD[tool];
    const meta = CATALOG.find((r) => r.id === rule);
    const fromCatalog = field === undefined || meta === undefined ? [] : meta.references[field];
    const listed = Array.isArray(fromCatalog) ? (fromCatalog as readonly string[]) : [];
    const extra =
      tool === "kube-score" ? KUBE_SCORE[rule] : tool === "trivy" ? TRIVY_EXTRA[rule] : [];
    for (const id of [...listed, ...(extra ?? [])]) {
      ids.add(normaliseId(tool, id));
    }
  }
  return ids;
}
