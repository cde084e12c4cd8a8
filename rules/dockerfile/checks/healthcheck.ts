import { HARDENED_PROFILES } from "../../profile";
import { DockerfileRule, missingIn, violationAt } from "../dockerfile-rule";
import { lastInChain } from "../support/final-stage";

/** The final stage has a HEALTHCHECK. */
export const dockerfileHealthcheck: DockerfileRule = {
  id: "dockerfile-healthcheck",
  title: "The final stage should define a HEALTHCHECK",
  description:
    "Docker and Compose use HEALTHCHECK to tell a running container from a working one. A HEALTHCHECK in a stage the final stage is built FROM counts; HEALTHCHECK NONE does not. Kubernetes ignores it and uses probes instead.",
  severity: "warning",
  profiles: HARDENED_PROFILES,
  target: "dockerfile",
  references: { cisDocker: ["4.6"], trivy: ["DS026"], checkov: ["CKV_DOCKER_2"] },
  remediation:
    'Add an exec-form check to the final stage: HEALTHCHECK --interval=30s --timeout=3s CMD ["/app", "healthcheck"].',
  check: (model) => {
    const final = model.stages[model.target];
    const healthcheck = lastInChain(model, "HEALTHCHECK");
    if (healthcheck === undefined) {
      return [
        missingIn(
          final,
          "HEALTHCHECK",
          `the final stage ${final.label} has no HEALTHCHECK in its chain; expected HEALTHCHECK CMD [...]`,
        ),
      ];
    }
    return healthcheck.words[0]?.toUpperCase() === "NONE"
      ? [
          violationAt(
            model,
            healthcheck,
            "HEALTHCHECK NONE disables the health check of the final stage; expected HEALTHCHECK CMD [...]",
          ),
        ]
      : [];
  },
};
