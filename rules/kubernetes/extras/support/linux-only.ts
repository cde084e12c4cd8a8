import { PodContext } from "../../pod-context";
import { recordOf } from "../../../read";

/**
 * True when the pod declares `spec.os.name: windows`. The API server rejects Linux-only security
 * fields (`runAsUser`, `runAsGroup`, `capabilities`, `readOnlyRootFilesystem`, ...) on such a pod,
 * so the rules that require them do not apply to it.
 */
export function isWindowsPod(pod: PodContext): boolean {
  return recordOf(pod.spec.os)?.name === "windows";
}
