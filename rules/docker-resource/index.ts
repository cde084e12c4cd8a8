import { RuleMetadata } from "../rule";
import { builtImageByDigest } from "./built-image-by-digest";
import { DOCKER_PER_RESOURCE_RULES } from "./rules";

export * from "./built-image-by-digest";
export * from "./docker-resource-rule";
export * from "./evaluate";
export * from "./image-uses";
export * from "./resource-types";
export * from "./rules";

/** Every rule over Pulumi Docker provider resources (containers, images) and their use in a stack. */
export const DOCKER_RESOURCE_RULES: readonly RuleMetadata[] = [
  ...DOCKER_PER_RESOURCE_RULES,
  builtImageByDigest,
];
