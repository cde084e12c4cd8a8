import { RuleMetadata } from "../rule";

/** Every rule over Pulumi Docker provider resources (containers, images). */
export const DOCKER_RESOURCE_RULES: readonly RuleMetadata[] = [];
