import { HARDENED_PROFILES } from "../../profile";
import { DockerfileRule, violationAt } from "../dockerfile-rule";
import { runInstructions } from "../support/run-steps";

/** Scripts use apt-get, whose interface is stable, not apt. */
export const dockerfileAptGetNotApt: DockerfileRule = {
  id: "dockerfile-apt-get-not-apt",
  title: "RUN must use apt-get, not apt",
  description:
    "apt is meant for people at a terminal: its command-line interface may change between releases and it warns when scripted.",
  severity: "warning",
  profiles: HARDENED_PROFILES,
  target: "dockerfile",
  references: { hadolint: ["DL3027"], checkov: ["CKV_DOCKER_9"] },
  remediation:
    "Replace apt with apt-get (apt-get update, apt-get install -y --no-install-recommends ...).",
  check: (model) =>
    runInstructions(model, "built")
      .filter((i) => i.commands.some((c) => c.program === "apt" && c.args.length > 0))
      .map((i) => violationAt(model, i, "RUN uses apt; expected apt-get")),
};
