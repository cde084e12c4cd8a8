/** The project's public repository, as package.json names it. */
export const REPOSITORY_URL = "https://github.com/pulumi-hardened/pulumi-hardened";

/** Where the rule documentation generated from the catalog lives in the repository. */
export const RULES_DOC_PATH = "docs/rules.md";

/**
 * The rule's section of docs/rules.md on the public repository: its heading is the rule id, so
 * the anchor GitHub gives it is the id itself.
 */
export function ruleDocumentationUrl(ruleId: string): string {
  return `${REPOSITORY_URL}/blob/main/${RULES_DOC_PATH}#${ruleId}`;
}
