import { HARDENED_PROFILES } from "../../profile";
import { DockerfileRule, violationAt } from "../dockerfile-rule";
import { builtInstructions } from "../support/ancestry";

/** No ONBUILD triggers: what a build runs is written in its own Dockerfile. */
export const dockerfileOnbuild: DockerfileRule = {
  id: "dockerfile-onbuild",
  title: "The built stages must not declare ONBUILD triggers",
  description:
    "An ONBUILD instruction carries a RUN, COPY or ADD that runs in every later build FROM the image (or FROM the stage, later in the same file), where that build's Dockerfile does not show it: its review and its lint never see the step. A `ONBUILD RUN curl ... | sh` in a base image runs unreviewed in every build on it.",
  severity: "warning",
  profiles: HARDENED_PROFILES,
  target: "dockerfile",
  references: { docs: ["https://docs.docker.com/reference/dockerfile/#onbuild"] },
  remediation:
    "Write the step in the Dockerfiles that need it (or in a documented build script) instead of an ONBUILD trigger of the base.",
  check: (model) =>
    builtInstructions(model)
      .filter((i) => i.keyword === "ONBUILD")
      .map((i) =>
        violationAt(
          model,
          i,
          `ONBUILD ${i.words[0]?.toUpperCase() ?? ""} is a trigger that runs in every build FROM this image, unseen by its Dockerfile; expected the step in the Dockerfile that needs it`,
        ),
      ),
};
