import { KubernetesRule } from "../kubernetes-rule";
import { allowedRegistries } from "./allowed-registries";
import { automountServiceAccountToken } from "./automount-service-account-token";
import { barePod } from "./bare-pod";
import { containerPrivilegedPort } from "./container-privileged-port";
import { containerRuntimeSocket } from "./container-runtime-socket";
import { containerSshPort } from "./container-ssh-port";
import { dangerousCapabilities } from "./dangerous-capabilities";
import { defaultNamespace } from "./default-namespace";
import { defaultServiceAccount } from "./default-service-account";
import { dropNetRaw } from "./drop-net-raw";
import { emptyDirSizeLimit } from "./empty-dir-size-limit";
import { envSecretLiteral } from "./env-secret-literal";
import { envSecretRef } from "./env-secret-ref";
import { highUid } from "./high-uid";
import { hostPathWritable } from "./host-path-writable";
import { imageDigest } from "./image-digest";
import { imageTag } from "./image-tag";
import { livenessProbe } from "./liveness-probe";
import { memoryLimit } from "./memory-limit";
import { readOnlyRootFilesystem } from "./read-only-root-filesystem";
import { readinessProbe } from "./readiness-probe";
import { resourceRequests } from "./resource-requests";
import { runAsGroup } from "./run-as-group";
import { sensitiveHostPath } from "./sensitive-host-path";

/** Every pulumi-hardened extra beyond the Pod Security Standards, in the order they are reported. */
export const HARDENED_EXTRA_RULES: readonly KubernetesRule[] = [
  readOnlyRootFilesystem,
  runAsGroup,
  highUid,
  dropNetRaw,
  dangerousCapabilities,
  imageDigest,
  imageTag,
  allowedRegistries,
  automountServiceAccountToken,
  defaultServiceAccount,
  resourceRequests,
  memoryLimit,
  livenessProbe,
  readinessProbe,
  containerRuntimeSocket,
  sensitiveHostPath,
  hostPathWritable,
  containerSshPort,
  containerPrivilegedPort,
  envSecretLiteral,
  envSecretRef,
  emptyDirSizeLimit,
  defaultNamespace,
  barePod,
];
