import { fieldPath } from "../../field-path";
import { BASELINE_PROFILES } from "../../profile";
import { Violation } from "../../rule";
import { KubernetesRule } from "../kubernetes-rule";
import { pssAtLeast } from "../pss-version";
import { describe, recordOf } from "../../read";

/** The version that introduced the check on probe and lifecycle handler hosts. */
const HOST_PROBES_MINOR = 34;

const HANDLERS: readonly (readonly string[])[] = [
  ["livenessProbe"],
  ["readinessProbe"],
  ["startupProbe"],
  ["lifecycle", "postStart"],
  ["lifecycle", "preStop"],
];

const ACTIONS = ["httpGet", "tcpSocket"] as const;

/**
 * PSS baseline "Host Probes / Lifecycle Hooks" (v1.34+): the `host` of `httpGet` and `tcpSocket`
 * probes and lifecycle handlers must be unset or empty.
 */
export const hostProbesLifecycle: KubernetesRule = {
  id: "host-probes-lifecycle",
  title: "Probes and lifecycle hooks must not target another host",
  description: `A probe or lifecycle hook with a host makes the kubelet send requests to an address of the pod author's choosing, from the node's network. Checked from Pod Security Standards v1.${HOST_PROBES_MINOR}, the version that introduced the control; earlier versions do not restrict it.`,
  severity: "error",
  profiles: BASELINE_PROFILES,
  target: "kubernetes",
  references: {
    pss: {
      level: "baseline",
      control: "Host Probes / Lifecycle Hooks",
      psaCheckId: "hostProbesAndHostLifecycle",
    },
    docs: ["https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline"],
  },
  remediation:
    "Remove the host field from httpGet and tcpSocket probes and lifecycle handlers; they then target the pod's own IP.",
  checkContainer: ({ container, path }, pod) => {
    if (!pssAtLeast(pod.options.pssVersion, HOST_PROBES_MINOR)) {
      return [];
    }
    const violations: Violation[] = [];
    for (const handlerPath of HANDLERS) {
      let handler: unknown = container;
      for (const segment of handlerPath) {
        handler = recordOf(handler)?.[segment];
      }
      for (const action of ACTIONS) {
        const host = recordOf(recordOf(handler)?.[action])?.host;
        if (host !== undefined && host !== null && host !== "") {
          violations.push({
            path: fieldPath(path, ...handlerPath, action, "host"),
            message: `${[...handlerPath, action].join(".")}.host is ${describe(host)}; expected unset or ""`,
          });
        }
      }
    }
    return violations;
  },
};
