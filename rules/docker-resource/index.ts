import { DockerResourceRule } from "./docker-resource-rule";
import { DOCKER_PER_RESOURCE_RULES } from "./rules";

export * from "./built-image-by-digest";
export * from "./docker-resource-rule";
export * from "./evaluate";
export * from "./image-uses";
export * from "./resource-types";
export * from "./rules";

/**
 * Every rule over one Pulumi Docker provider resource (containers, images). The use of built
 * images across the stack is a stack rule (`STACK_RULES`).
 */
export const DOCKER_RESOURCE_RULES: readonly DockerResourceRule[] = DOCKER_PER_RESOURCE_RULES;
