import { fieldPath } from "../../field-path";
import { RESTRICTED_PROFILES } from "../../profile";
import { KubernetesRule } from "../kubernetes-rule";
import { setRunAsNonRoot } from "../pod-spec-fixes";
import { describe } from "../../read";
import { USER_NAMESPACE_RELAXATION_MINOR, isRelaxedUserNamespacePod } from "./support/relaxations";
import { containerSecurityContext, podSecurityContext } from "./support/security-context";

const EXPECTED = "expected true (set at container level or as the pod default)";

/**
 * PSS restricted "Running as Non-root": every container must end up with `runAsNonRoot: true`,
 * from its own security context or the pod's.
 */
export const runAsNonRoot: KubernetesRule = {
  id: "run-as-non-root",
  title: "Containers must set runAsNonRoot: true",
  description: `runAsNonRoot: true makes the kubelet refuse to start a container whose user is root. The pod's value is the default for containers that set none; a container's own value overrides it. runAsUser alone does not satisfy this rule. An explicit false is reported where it is set (once at the pod, for the containers that inherit it); a container left without a value is reported at its own field. From v1.${USER_NAMESPACE_RELAXATION_MINOR}, pods with spec.hostUsers: false are exempt, as root in a user namespace is unprivileged on the node; earlier versions relax this only behind the alpha UserNamespacesPodSecurityStandards feature gate, off by default, so they are not relaxed here.`,
  severity: "error",
  profiles: RESTRICTED_PROFILES,
  target: "kubernetes",
  references: {
    pss: { level: "restricted", control: "Running as Non-root", psaCheckId: "runAsNonRoot" },
    cisKubernetes: ["5.2.7"],
    kubeLinter: ["run-as-non-root"],
    checkov: ["CKV_K8S_23"],
    polaris: ["runAsRootAllowed"],
    kyverno: ["require-run-as-nonroot"],
  },
  remediation:
    "Set spec.securityContext.runAsNonRoot: true on the pod (or on each container), and remove any runAsNonRoot: false.",
  fix: setRunAsNonRoot,
  checkPod: (pod) => {
    const securityContext = podSecurityContext(pod);
    return !isRelaxedUserNamespacePod(pod) && securityContext.fields.runAsNonRoot === false
      ? [
          {
            path: fieldPath(securityContext.path, "runAsNonRoot"),
            message: `runAsNonRoot is false at pod level; ${EXPECTED}`,
          },
        ]
      : [];
  },
  checkContainer: (container, pod) => {
    if (isRelaxedUserNamespacePod(pod)) {
      return [];
    }
    const own = containerSecurityContext(container);
    const value = own.fields.runAsNonRoot;
    const path = fieldPath(own.path, "runAsNonRoot");
    if (typeof value === "boolean") {
      return value ? [] : [{ path, message: `runAsNonRoot is false; ${EXPECTED}` }];
    }
    const podValue = podSecurityContext(pod).fields.runAsNonRoot;
    // A pod default of true covers the container; a pod default of false is reported at the pod.
    if (typeof podValue === "boolean") {
      return [];
    }
    return [
      {
        path,
        message: `runAsNonRoot is ${describe(value)} and the pod sets no default; ${EXPECTED}`,
      },
    ];
  },
};
