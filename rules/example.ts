import { RuleTarget } from "./rule";

/**
 * How a rule's examples are written, by what the rule looks at: Kubernetes manifests and Pulumi
 * resources in YAML, Dockerfiles as Dockerfiles, and the facts a built image rule reads (config
 * blob fields, layer files, runtime observations) in JSON.
 */
export const EXAMPLE_LANGUAGE: Readonly<Record<RuleTarget, "yaml" | "dockerfile" | "json">> = {
  kubernetes: "yaml",
  "kubernetes-set": "yaml",
  dockerfile: "dockerfile",
  image: "json",
  "docker-resource": "yaml",
  stack: "yaml",
};

/** A sha256 digest, valid in form, for the examples that pin an image. */
export const EXAMPLE_DIGEST =
  "sha256:4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945";

/**
 * A rule's examples, written once: the documentation shows them, and a test proves that the
 * failing one makes the rule report and the passing one (the failing one fixed) does not.
 */
export interface RuleExample {
  /** A snippet the rule reports, in the language of the rule's target. */
  readonly failing: string;
  /** The same snippet fixed: the rule reports nothing. */
  readonly passing: string;
  /**
   * Settings both examples are checked with, named as in the config file (`allowedRegistries`,
   * `maxLayers`), for rules that report only when configured.
   * @default {} (the defaults)
   */
  readonly settings?: Readonly<Record<string, unknown>>;
}
