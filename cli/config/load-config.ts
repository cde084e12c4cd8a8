import Ajv from "ajv";
import { readFileSync } from "fs";
import { parse } from "yaml";
import { isKnownRuleId } from "../../rules/catalog";
import { didYouMean } from "../../rules/settings/did-you-mean";
import { allowedRegistryProblem } from "../../rules/image-reference";
import { ExemptionGovernance } from "../../rules/exemptions/governance";
import { GovernanceError, readGovernance } from "../../rules/exemptions/read-governance";
import { ExemptionSelector } from "../../rules/exemptions/selector";
import { PodTemplateKind, readPodTemplates } from "../../rules/kubernetes/pod-templates";
import { Profile } from "../../rules/profile";
import { InputError } from "../input-error";
import { CONFIG_SCHEMA } from "./config-schema";

/** The settings a `--config` file may hold (YAML or JSON). */
export interface HardenedConfig {
  /** Profile to evaluate. @default hardened */
  readonly profile?: Profile;
  /** Pod Security Standards version. @default latest */
  readonly pssVersion?: string;
  /** Registries images may come from. @default [] (any) */
  readonly allowedRegistries?: readonly string[];
  /** Lowest accepted UID/GID for `high-uid`. @default 10000 */
  readonly minUid?: number;
  /** Exemptions by rule, resource and container, each with a reason. @default [] */
  readonly exemptions?: readonly ExemptionSelector[];
  /**
   * Kinds beyond the core workloads and the built-in ones that carry a pod template, and where.
   * @default []
   */
  readonly podTemplates?: readonly PodTemplateKind[];
  /**
   * Who may exempt what: sources, rules and namespaces of honoured exemptions.
   * @default every source, any rule, any namespace
   */
  readonly allowExemptions?: ExemptionGovernance;
}

const validate = new Ajv({ allErrors: true }).compile(CONFIG_SCHEMA);

/** The `properties` of the schema object an Ajv `schemaPath` (`#/properties/x/additionalProperties`) points into. */
function schemaAt(schemaPath: string): Record<string, unknown> {
  let node: unknown = CONFIG_SCHEMA;
  for (const part of schemaPath.replace(/^#\//, "").split("/").slice(0, -1)) {
    node = (node as Record<string, unknown> | undefined)?.[part];
  }
  return (node as { properties?: Record<string, unknown> } | undefined)?.properties ?? {};
}

/**
 * Reads and validates a config file. Every problem is an `InputError` naming the file and the
 * field: unreadable file, malformed YAML, a value of the wrong type, an exemption without a
 * reason, an unknown rule id.
 */
export function loadConfig(file: string): HardenedConfig {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new InputError(
      `cannot read config ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    );
  }
  let value: unknown;
  try {
    value = parse(text) ?? {};
  } catch (error) {
    throw new InputError(
      `config ${file}: malformed YAML: ${(error as Error).message.split("\n")[0]}`,
    );
  }
  if (!validate(value)) {
    const problems = (validate.errors ?? []).map((e) => {
      const field =
        e.instancePath === "" ? "(top level)" : e.instancePath.slice(1).replace(/\//g, ".");
      const extra =
        e.params && "additionalProperty" in e.params
          ? ` "${String(e.params.additionalProperty)}"${didYouMean(String(e.params.additionalProperty), Object.keys(schemaAt(e.schemaPath)))}`
          : "";
      return `${field}: ${e.message}${extra}`;
    });
    throw new InputError(`config ${file} is invalid: ${problems.join("; ")}`);
  }
  const config = value as HardenedConfig;
  if (config.podTemplates !== undefined) {
    try {
      readPodTemplates(config.podTemplates, "podTemplates");
    } catch (error) {
      throw new InputError(`config ${file}: ${(error as Error).message}`);
    }
  }
  (config.exemptions ?? []).forEach((e, i) => {
    if (!isKnownRuleId(e.rule)) {
      throw new InputError(
        `config ${file}: exemptions.${i}.rule: "${e.rule}" is not a known rule id`,
      );
    }
  });
  (config.allowedRegistries ?? []).forEach((entry, i) => {
    const problem = allowedRegistryProblem(entry);
    if (problem !== undefined) {
      throw new InputError(`config ${file}: allowedRegistries.${i}: ${problem}`);
    }
  });
  if (config.allowExemptions !== undefined) {
    try {
      readGovernance(config.allowExemptions, isKnownRuleId);
    } catch (error) {
      if (error instanceof GovernanceError) {
        throw new InputError(`config ${file}: ${error.message}`);
      }
      throw error;
    }
  }
  return config;
}
