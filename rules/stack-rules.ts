import { builtImageByDigest } from "./docker-resource/built-image-by-digest";
import { StackRule } from "./stack-rule";

/** Every stack rule: the rules over the resources of a Pulumi stack together. */
export const STACK_RULES: readonly StackRule[] = [builtImageByDigest];
