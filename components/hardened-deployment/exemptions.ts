import { EXEMPT_ANNOTATION, EXEMPT_REASON_ANNOTATION } from "../../rules/exemptions/annotations";
import { Exemption } from "../../rules/exemptions/exemption";
import { KUBERNETES_RULES } from "../../rules/kubernetes/rules";
import { HardenedArgsError } from "./errors";

/** A decision to accept one rule's findings for the workload, or for one of its containers. */
export interface HardeningExemption {
  /** The exempted rule's id, e.g. `read-only-root-filesystem`. */
  readonly rule: string;
  /** Why the finding is accepted; written to the workload and shown by every front door. */
  readonly reason: string;
  /**
   * The one container the exemption covers.
   * @default every container of the workload
   */
  readonly container?: string;
}

const EXEMPTABLE: readonly string[] = KUBERNETES_RULES.map((r) => r.id).filter(
  (id) => id !== "exemption-reason-required",
);

/**
 * Checks `exemptions`: each names a Kubernetes rule, gives a reason, and names a container among
 * `containers` when it names one. Returns them as rule-level exemptions.
 */
export function resolveExemptions(
  exemptions: readonly HardeningExemption[] | undefined,
  containers: readonly string[] | undefined,
  arg: string,
  owner: string,
): Exemption[] {
  return (exemptions ?? []).map((e, i) => {
    const at = `${arg}[${i}]`;
    if (!EXEMPTABLE.includes(e.rule)) {
      throw new HardenedArgsError(
        owner,
        `${at}.rule`,
        `"${e.rule}" is not a Kubernetes rule id; expected one of ${EXEMPTABLE.join(", ")}`,
      );
    }
    if (typeof e.reason !== "string" || e.reason.trim() === "") {
      throw new HardenedArgsError(
        owner,
        `${at}.reason`,
        "is empty; every exemption needs a reason",
      );
    }
    if (
      e.container !== undefined &&
      containers !== undefined &&
      !containers.includes(e.container)
    ) {
      throw new HardenedArgsError(
        owner,
        `${at}.container`,
        `"${e.container}" is not a container of this workload; expected one of ${containers.join(", ")}`,
      );
    }
    return e.container === undefined
      ? { ruleId: e.rule, reason: e.reason.trim() }
      : { ruleId: e.rule, container: e.container, reason: e.reason.trim() };
  });
}

/**
 * The `hardened.dev/exempt` and `hardened.dev/exempt-reason` annotations that declare
 * `exemptions` on a workload's metadata, so the CLI and the policy pack honour them too (use it
 * with {@link hardenPodSpec} on your own StatefulSet, Job or CronJob). One reason is written as is;
 * several distinct reasons are joined as `<rule>[:<container>]: <reason>; ...`. Empty when there
 * is no exemption. Throws like `resolveExemptions` for an unknown rule or an empty reason.
 */
export function exemptionAnnotations(
  exemptionArgs: readonly HardeningExemption[] = [],
): Record<string, string> {
  const exemptions = resolveExemptions(
    exemptionArgs,
    undefined,
    "exemptions",
    "exemptionAnnotations",
  );
  if (exemptions.length === 0) {
    return {};
  }
  const key = (e: Exemption) =>
    e.container === undefined ? e.ruleId : `${e.ruleId}:${e.container}`;
  const reasons = [...new Set(exemptions.map((e) => e.reason))];
  return {
    [EXEMPT_ANNOTATION]: exemptions.map(key).join(","),
    [EXEMPT_REASON_ANNOTATION]:
      reasons.length === 1
        ? reasons[0]
        : exemptions.map((e) => `${key(e)}: ${e.reason}`).join("; "),
  };
}
