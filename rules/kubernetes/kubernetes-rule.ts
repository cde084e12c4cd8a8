import { RuleMetadata, Violation } from "../rule";
import { ContainerContext, PodContext } from "./pod-context";
import { PodSpecFix } from "./pod-spec-fixes";

/**
 * A rule over a workload's pod. It may look at the pod as a whole (`checkPod`), at each container
 * in `initContainers`, `containers` and `ephemeralContainers` (`checkContainer`), or both.
 * Checks take plain objects, read nothing else and return violations; they never throw on bad
 * input, which they treat as unset.
 */
export interface KubernetesRule extends RuleMetadata {
  readonly target: "kubernetes";
  /** Pod-level check: volumes, host namespaces, the workload itself. */
  readonly checkPod?: (pod: PodContext) => readonly Violation[];
  /** Container-level check, called once for every container in every list. */
  readonly checkContainer?: (container: ContainerContext, pod: PodContext) => readonly Violation[];
  /**
   * Ids of rules that demand more than this one and report every problem it reports, so their fix
   * fixes it too (`capabilities-restricted` for `drop-net-raw`, `image-digest` for `image-tag`).
   * Where one of them has an unexempted finding for the same container at the same or a nested
   * field path, this rule's finding is dropped; where it is exempted or not evaluated, this rule's
   * finding stands.
   * @default [] (never covered)
   */
  readonly coveredBy?: readonly string[];
  /**
   * Ids of broader rules whose finding at the same field this rule's finding replaces, because it
   * asks for the same fix and says more about why (`container-runtime-socket` for a hostPath that
   * `volume-types` also reports). Where this rule has an unexempted finding for the same container
   * at the same or a nested field path, their finding is dropped. A rule must not both cover and be
   * covered by the same rule.
   * @default [] (replaces nothing)
   */
  readonly covers?: readonly string[];
  /**
   * True when this rule, like its upstream check, does not look at `pod` at all (the restricted
   * checks exempt Windows pods from v1.25). Used with `overrides`.
   * @default never
   */
  readonly skipsPod?: (pod: PodContext) => boolean;
  /**
   * Ids of baseline rules that upstream does not run where this restricted rule runs (PSA's
   * `OverrideCheckIDs`). Where both are evaluated and this rule skips the pod (`skipsPod`), the
   * overridden rules are not run on it either, as the API server would not run them; otherwise
   * `coveredBy` already reports each problem once.
   * @default [] (overrides nothing)
   */
  readonly overrides?: readonly string[];
  /**
   * The rule's safe, mechanical fix: a change to the pod spec that clears the findings it is meant
   * for and changes nothing else. The pack applies it at the `remediate` enforcement level; the
   * components' hardened defaults are derived from the fixes of every rule. Rules whose fix needs
   * the user's judgement (which capability, which user, which registry) carry none.
   * @default none (the rule only reports)
   */
  readonly fix?: PodSpecFix;
}
