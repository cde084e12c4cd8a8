import { RuleExample } from "./example";
import { DOCKER_RESOURCE_EXAMPLES, STACK_EXAMPLES } from "./docker-resource/examples";
import { DOCKERFILE_EXAMPLES } from "./dockerfile/examples";
import { IMAGE_EXAMPLES } from "./image/examples";
import { KUBERNETES_EXAMPLES } from "./kubernetes/examples";

/** Every rule's examples, by rule id: the documentation shows them and the tests run them. */
export const EXAMPLES: Readonly<Record<string, RuleExample>> = {
  ...KUBERNETES_EXAMPLES,
  ...DOCKERFILE_EXAMPLES,
  ...IMAGE_EXAMPLES,
  ...DOCKER_RESOURCE_EXAMPLES,
  ...STACK_EXAMPLES,
};

/** The examples of the rule `id`; throws an error naming the rule when it has none. */
export function exampleOf(id: string): RuleExample {
  const example = Object.hasOwn(EXAMPLES, id) ? EXAMPLES[id] : undefined;
  if (example === undefined) {
    throw new Error(`rule "${id}" has no examples (add them to the examples of its target)`);
  }
  return example;
}
