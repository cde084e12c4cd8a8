import { parse } from "yaml";
import { evaluateDockerResource } from "../../../rules/docker-resource/evaluate";
import { StackResource, stackPolicy, validateStackPolicy } from "../../support/stack-policy";

/** The resources of a Pulumi YAML program: `resources: { name: { type, properties } }`. */
function resourcesOf(yaml: string): StackResource[] {
  const program = parse(yaml) as {
    resources: Record<string, { type: string; properties: Record<string, unknown> }>;
  };
  return Object.entries(program.resources).map(([name, r]) => ({
    type: r.type,
    name,
    props: r.properties,
  }));
}

/**
 * The open findings of the Docker resource rule `ruleId` over every resource of the Pulumi YAML
 * program `yaml`, evaluated as the pack evaluates a Docker resource (`evaluateDockerResource`).
 */
export function dockerResourceFindings(ruleId: string, yaml: string): string[] {
  return resourcesOf(yaml).flatMap((r) =>
    evaluateDockerResource({ type: r.type, name: r.name, inputs: r.props })
      .filter((f) => f.ruleId === ruleId && !f.exempted)
      .map((f) => f.message),
  );
}

/** What the pack's stack policy `ruleId` reports over the resources of the Pulumi YAML `yaml`. */
export async function stackFindings(
  ruleId: string,
  yaml: string,
  settings: Readonly<Record<string, unknown>>,
): Promise<string[]> {
  const reports = await validateStackPolicy(stackPolicy(ruleId), resourcesOf(yaml), {
    ...settings,
  });
  return reports.map(([message]) => message);
}
