import { DockerfileRuleOptions } from "../../../rules/dockerfile/dockerfile-rule";
import { lintDockerfile } from "../../../rules/dockerfile/lint";

/** The open findings of `ruleId` when `hardened lint` (`lintDockerfile`) reads `text`. */
export function dockerfileFindings(
  ruleId: string,
  text: string,
  settings: DockerfileRuleOptions,
): string[] {
  return lintDockerfile(text, { file: "Dockerfile", ...settings })
    .filter((f) => f.ruleId === ruleId && !f.exempted)
    .map((f) => f.message);
}
