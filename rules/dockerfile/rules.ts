import { RuleMetadata } from "../rule";

/** Every Dockerfile rule. */
export const DOCKERFILE_RULES: readonly RuleMetadata[] = [];
