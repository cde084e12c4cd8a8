import { RESTRICTED_PROFILES } from "../../profile";
import { DockerfileRule, violationAt } from "../dockerfile-rule";
import { lastInChain, userSpec } from "../support/final-stage";

/** The final stage's USER is numeric, so Kubernetes can verify it. */
export const dockerfileUserNumeric: DockerfileRule = {
  id: "dockerfile-user-numeric",
  title: "The final stage's USER must be a numeric UID[:GID]",
  description:
    "Kubernetes runAsNonRoot can only verify a numeric user: with a user name the kubelet refuses to start the pod. A USER whose value comes from an ARG without a default cannot be verified at all.",
  severity: "error",
  profiles: RESTRICTED_PROFILES,
  target: "dockerfile",
  references: {
    docs: [
      "https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#security-context-1",
    ],
  },
  remediation:
    "Write the UID and GID as numbers: USER 10001:10001 (create the user with that UID earlier if the program needs a passwd entry).",
  check: (model) => {
    const user = lastInChain(model, "USER");
    if (user === undefined) {
      return [];
    }
    const spec = userSpec(user);
    if (spec.unresolved.length > 0) {
      return [
        violationAt(
          model,
          user,
          `USER ${user.text} uses ${spec.unresolved.map((n) => `$${n}`).join(", ")}, which has no value in this stage (an ARG without a default, or a global ARG not declared again after FROM), so the user cannot be verified; expected a numeric UID[:GID] or an ARG with a numeric default`,
        ),
      ];
    }
    return spec.root || spec.numeric
      ? []
      : [
          violationAt(
            model,
            user,
            `USER ${spec.value} is not numeric; Kubernetes runAsNonRoot cannot verify a user name; expected UID[:GID] in digits`,
          ),
        ];
  },
};
