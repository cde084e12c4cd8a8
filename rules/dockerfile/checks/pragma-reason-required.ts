import { BASELINE_PROFILES } from "../../profile";
import { DockerfileRule } from "../dockerfile-rule";

/**
 * An inline `# hardened ignore...` pragma must name known Dockerfile rules and give a reason.
 * `lintDockerfile` reports it while it reads the pragmas; `check` itself finds nothing.
 */
export const dockerfilePragmaReasonRequired: DockerfileRule = {
  id: "dockerfile-pragma-reason-required",
  title: "Ignore pragmas must name known rules and give a reason",
  description:
    'A `# hardened ignore=...` comment without reason="...", naming an unknown rule, or covering nothing is not honoured and is reported, so an accepted risk is always written down.',
  severity: "error",
  profiles: BASELINE_PROFILES,
  target: "dockerfile",
  references: { docs: ["https://github.com/hadolint/hadolint#inline-ignores"] },
  remediation:
    'Write # hardened ignore=<rule-id>[,<rule-id>] reason="why this is accepted" on the line before the instruction (ignore-stage=... for a stage, ignore-file=... for the file).',
  check: () => [],
};
