import { BASELINE_PROFILES } from "../../profile";
import { finalChain, finalInstructions } from "../support/ancestry";
import { DockerfileRule, missingIn, violationAt } from "../dockerfile-rule";
import { lastInChain, userSpec } from "../support/final-stage";

/** The final stage runs as a non-root user, set in its own chain. */
export const dockerfileFinalUser: DockerfileRule = {
  id: "dockerfile-final-user",
  title: "The final stage must set a non-root USER",
  description:
    "The last USER of the final stage (or of the stages it is built FROM) is the user the container runs as. Without one, or with root, a compromised process owns the container and is one bug away from the host. A USER in a builder stage does not count.",
  severity: "error",
  profiles: BASELINE_PROFILES,
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
