import { fieldPath } from "../../field-path";
import { RESTRICTED_PROFILES } from "../../profile";
import { Violation } from "../../rule";
import { KubernetesRule } from "../kubernetes-rule";
import { USER_NAMESPACE_RELAXATION_MINOR, isRelaxedUserNamespacePod } from "./support/relaxations";
import {
  SecurityContextAt,
  containerSecurityContext,
  podSecurityContext,
} from "./support/security-context";

function rootUser(securityContext: SecurityContextAt, where: string): Violation[] {
  return securityContext.fields.runAsUser === 0
    ? [
        {
          path: fieldPath(securityContext.path, "runAsUser"),
          message: `runAsUser is 0${where}; expected a non-zero UID or unset`,
        },
      ]
    : [];
}

/** PSS restricted "Running as Non-root user": `runAsUser` must not be 0 at any level. */
export const runAsUser: KubernetesRule = {
  id: "run-as-user",
  title: "Pods and containers must not set runAsUser: 0",
  description: `runAsUser: 0 runs the container as root whatever the image says. Unset is allowed (run-as-non-root makes sure the image's user is not root). Each explicit 0, at pod or container level, is reported where it is set. From v1.${USER_NAMESPACE_RELAXATION_MINOR}, pods with spec.hostUsers: false are exempt; earlier versions relax this only behind the alpha UserNamespacesPodSecurityStandards feature gate, off by default, so they are not relaxed here.`,
  severity: "error",
  profiles: RESTRICTED_PROFILES,
  target: "kubernetes",
  references: {
    pss: { level: "restricted", control: "Running as Non-root user", psaCheckId: "runAsUser" },
    cisKubernetes: ["5.2.7"],
    kyverno: ["require-run-as-non-root-user"],
  },
  remediation: "Remove runAsUser: 0 or set runAsUser to a non-zero UID, such as 65532.",
  checkPod: (pod) =>
    isRelaxedUserNamespacePod(pod) ? [] : rootUser(podSecurityContext(pod), " at pod level"),
  checkContainer: (container, pod) =>
    isRelaxedUserNamespacePod(pod) ? [] : rootUser(containerSecurityContext(container), ""),
};
