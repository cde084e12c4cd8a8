import { KubernetesRule } from "../kubernetes-rule";
import { privileged } from "./privileged";

/** Every Pod Security Standards control, baseline then restricted. */
export const PSS_RULES: readonly KubernetesRule[] = [privileged];
