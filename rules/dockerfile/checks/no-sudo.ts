import { RESTRICTED_PROFILES } from "../../profile";
import { finalInstructions } from "../support/ancestry";
import { DockerfileRule, violationAt } from "../dockerfile-rule";
import { programName } from "../support/instruction-text";

/** No sudo in the final stage's chain. */
export const dockerfileNoSudo: DockerfileRule = {
  id: "dockerfile-no-sudo",
  title: "RUN must not use sudo",
  description:
    "sudo in a RUN means the image ships sudo and a sudoers rule, a ready-made path back to root for anyone who gets a shell as the non-root user.",
  severity: "error",
  profiles: RESTRICTED_PROFILES,
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
