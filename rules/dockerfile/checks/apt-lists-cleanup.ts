import { HARDENED_PROFILES } from "../../profile";
import { DockerfileRule, violationAt } from "../dockerfile-rule";
import { runsSubcommand } from "../support/packages";
import { APT_PROGRAMS, mountsOver, removes, runInstructions } from "../support/run-steps";

/** apt lists are not left in the final image. */
export const dockerfileAptListsCleanup: DockerfileRule = {
  id: "dockerfile-apt-lists-cleanup",
  title: "The final stage must not keep apt package lists",
  description:
    "apt-get update writes tens of megabytes to /var/lib/apt/lists; left in the layer they bloat the image and go stale.",
  severity: "warning",
  profiles: HARDENED_PROFILES,
  target: "dockerfile",
  references: { hadolint: ["DL3009"] },
  remediation:
    "End the same RUN with rm -rf /var/lib/apt/lists/*, or use RUN --mount=type=cache,target=/var/lib/apt/lists.",
  check: (model) =>
    runInstructions(model, "final")
      .filter(
        (i) =>
          i.commands.some((c) => runsSubcommand(c, APT_PROGRAMS, "update")) &&
          !removes(i, "/var/lib/apt/lists") &&
          !mountsOver(i, "/var/lib/apt"),
      )
      .map((i) =>
        violationAt(
          model,
          i,
          "RUN runInstructions apt-get update and leaves /var/lib/apt/lists in the final stage; expected rm -rf /var/lib/apt/lists/* in the same RUN",
        ),
      ),
};
