import { HARDENED_PROFILES } from "../../profile";
import { finalChain, finalInstructions } from "../ancestry";
import { DockerfileRule, missingIn, violationAt } from "../dockerfile-rule";
import { lastInChain, userSpec } from "../final-stage";
import { programName } from "../instruction-text";

/** The final stage runs as a non-root user, set in its own chain. */
export const dockerfileFinalUser: DockerfileRule = {
  id: "dockerfile-final-user",
  title: "The final stage must set a non-root USER",
  description:
    "The last USER of the final stage (or of the stages it is built FROM) is the user the container runs as. Without one, or with root, a compromised process owns the container and is one bug away from the host. A USER in a builder stage does not count.",
  severity: "error",
  profiles: HARDENED_PROFILES,
  target: "dockerfile",
  references: {
    cisDocker: ["4.1"],
    hadolint: ["DL3002"],
    trivy: ["DS002"],
    checkov: ["CKV_DOCKER_3", "CKV_DOCKER_8"],
  },
  remediation:
    "End the final stage with USER <uid>:<gid> for a non-zero UID that owns nothing it should not write (distroless: USER 65532:65532), after every step that needs root.",
  check: (model) => {
    const final = model.stages[model.target];
    const user = lastInChain(model, "USER");
    if (user === undefined) {
      const chain = finalChain(model)
        .map((s) => s.label)
        .join(" <- ");
      return [
        missingIn(
          final,
          "USER",
          `the final stage ${final.label} has no USER in its chain (${chain}), so it runs as the base image's user, root unless the image says otherwise; expected USER <uid>:<gid> with a non-zero UID`,
        ),
      ];
    }
    const spec = userSpec(user);
    if (spec.unresolved.length > 0 || !spec.root) {
      return [];
    }
    const earlier = finalInstructions(model)
      .filter(
        (i) =>
          i.keyword === "USER" &&
          i.line < user.line &&
          !userSpec(i).root &&
          userSpec(i).unresolved.length === 0,
      )
      .pop();
    return [
      violationAt(
        model,
        user,
        earlier === undefined
          ? `USER ${user.text} makes the final stage run as root; expected a non-zero UID`
          : `USER ${user.text} switches back to root after USER ${earlier.text} (line ${earlier.line}) and stays root in the final stage; expected the last USER to be a non-zero UID`,
      ),
    ];
  },
};

/** The final stage's USER is numeric, so Kubernetes can verify it. */
export const dockerfileUserNumeric: DockerfileRule = {
  id: "dockerfile-user-numeric",
  title: "The final stage's USER must be a numeric UID[:GID]",
  description:
    "Kubernetes runAsNonRoot can only verify a numeric user: with a user name the kubelet refuses to start the pod. A USER whose value comes from an ARG without a default cannot be verified at all.",
  severity: "error",
  profiles: HARDENED_PROFILES,
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

/** No sudo in the final stage's chain. */
export const dockerfileNoSudo: DockerfileRule = {
  id: "dockerfile-no-sudo",
  title: "RUN must not use sudo",
  description:
    "sudo in a RUN means the image ships sudo and a sudoers rule, a ready-made path back to root for anyone who gets a shell as the non-root user.",
  severity: "error",
  profiles: HARDENED_PROFILES,
  target: "dockerfile",
  references: { hadolint: ["DL3004"], trivy: ["DS010"], checkov: ["CKV2_DOCKER_1"] },
  remediation:
    "Run the step before the USER instruction (as root) instead of through sudo, and do not install sudo.",
  check: (model) =>
    finalInstructions(model)
      .filter((i) =>
        i.commands.some(
          (c) =>
            programName(c.words.find((w) => !/^[A-Za-z_][A-Za-z0-9_]*=/.test(w)) ?? "") === "sudo",
        ),
      )
      .map((i) =>
        violationAt(
          model,
          i,
          "RUN calls sudo; expected the step to run as root before USER, without sudo in the image",
        ),
      ),
};
