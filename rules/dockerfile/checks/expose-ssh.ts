import { HARDENED_PROFILES } from "../../profile";
import { finalInstructions } from "../support/ancestry";
import { DockerfileRule, violationAt } from "../dockerfile-rule";
import { exposedPorts } from "../support/exposed-ports";

/** The final stage does not expose SSH. */
export const dockerfileExposeSsh: DockerfileRule = {
  id: "dockerfile-expose-ssh",
  title: "The final stage must not expose port 22",
  description:
    "An SSH server in a container is a second, unaudited way in; use `kubectl exec` or `docker exec` instead.",
  severity: "error",
  profiles: HARDENED_PROFILES,
  target: "dockerfile",
  references: { trivy: ["DS004"], checkov: ["CKV_DOCKER_1"] },
  remediation: "Remove port 22 from EXPOSE and the SSH server from the image.",
  check: (model) =>
    finalInstructions(model)
      .filter((i) => i.keyword === "EXPOSE")
      .flatMap((i) =>
        exposedPorts(i)
          .filter((p) => p.low <= 22 && 22 <= p.high)
          .map((p) =>
            violationAt(model, i, `EXPOSE ${p.text} publishes SSH (port 22); expected no SSH port`),
          ),
      ),
};
