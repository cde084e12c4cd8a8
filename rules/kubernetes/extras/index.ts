import { KubernetesRule } from "../kubernetes-rule";
import { readOnlyRootFilesystem } from "./read-only-root-filesystem";

/** Every pulumi-hardened extra beyond the Pod Security Standards. */
export const HARDENED_EXTRA_RULES: readonly KubernetesRule[] = [readOnlyRootFilesystem];
