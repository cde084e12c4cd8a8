import { RuleMetadata, Violation } from "../rule";
import { ContainerContext, PodContext } from "./pod-context";

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
   * Ids of stronger rules that report every problem this rule reports (for example
   * `capabilities-restricted` for `drop-net-raw`). Where one of them has an unexempted finding for
   * the same container at the same or a nested field path, this rule's finding is dropped; where
   * it is exempted or not evaluated, this rule's finding stands.
   * @default [] (never covered)
   */
  readonly coveredBy?: readonly string[];
}
