import { PROFILES } from "../profile";
import { EXEMPTION_SOURCES } from "../exemptions/governance";
import { PSS_VERSION_EXPECTED, PSS_VERSION_PATTERN } from "../kubernetes/pss-version";
import { PatternTexts } from "./check-schema";

/** An exemption's `reason`: at least one character that is not white space. */
const NON_BLANK_PATTERN = "\\S";

/** What each `pattern` of the settings allows, in words, for error messages. */
export const SETTING_PATTERNS: PatternTexts = {
  [PSS_VERSION_PATTERN]: PSS_VERSION_EXPECTED,
  [NON_BLANK_PATTERN]: "a string that is not blank",
};

const RULE_ID_LIST = { type: "array", items: { type: "string", minLength: 1 } } as const;

/**
 * The JSON schema of `allowExemptions` (who may exempt what), shared by the CLI config and the
 * policy pack config.
 */
export const ALLOW_EXEMPTIONS_SCHEMA = {
  type: "object",
  additionalProperties: false,
  description:
    'Who may exempt what: "from" lists the honoured sources (config, annotations, args); "rules" the rules inline exemptions may name ("non-mandatory", "any", {"allow": [ids]} or {"deny": [ids]}); "namespaces" where inline exemptions count.',
  properties: {
    from: {
      type: "array",
      uniqueItems: true,
      items: { type: "string", enum: [...EXEMPTION_SOURCES] },
    },
    rules: {
      oneOf: [
        { type: "string", enum: ["non-mandatory", "any"] },
        {
          type: "object",
          additionalProperties: false,
          required: ["allow"],
          properties: { allow: RULE_ID_LIST },
        },
        {
          type: "object",
          additionalProperties: false,
          required: ["deny"],
          properties: { deny: RULE_ID_LIST },
        },
      ],
    },
    namespaces: { type: "array", items: { type: "string", minLength: 1 } },
  },
} as const;

/**
 * The settings the CLI config, the policy pack and the components accept, one JSON schema
 * fragment per setting: the one source of truth, published by the pack for the engine to
 * validate and checked by `readSharedSettings` for every front door. As properties: `profile`, `pssVersion`,
 * `allowedRegistries`, `minUid`, `exemptions`, `allowExemptions` and `podTemplates`. The pack adds `urn` to an
 * exemption's selectors.
 *
 * @param exemptionSelectors extra exemption properties (the pack's `urn`).
 */
export function sharedSettingsProperties(
  exemptionSelectors: Readonly<Record<string, object>> = {},
) {
  return {
    profile: {
      type: "string",
      enum: [...PROFILES],
      description: "Profile whose rules report: baseline, restricted or hardened.",
    },
    pssVersion: {
      type: "string",
      pattern: PSS_VERSION_PATTERN,
      description: 'Pod Security Standards version: "latest" or v1.25 and later, like "v1.30".',
    },
    allowedRegistries: {
      type: "array",
      items: { type: "string", minLength: 1 },
      description:
        "Registries images may come from: a host (ghcr.io, 127.0.0.1:5000), a host and path prefix (ghcr.io/acme) or a wildcard host (*.corp.example); empty allows any.",
    },
    minUid: {
      type: "integer",
      minimum: 1,
      description: "Lowest UID and GID accepted by the UID rules.",
    },
    exemptions: {
      type: "array",
      description:
        "Accepted findings: rule id, mandatory reason, and globs selecting resources (kind, name, namespace) and optionally one container.",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["rule", "reason"],
        properties: {
          rule: { type: "string", minLength: 1 },
          reason: { type: "string", minLength: 1, pattern: NON_BLANK_PATTERN },
          container: { type: "string", minLength: 1 },
          kind: { type: "string", minLength: 1 },
          name: { type: "string", minLength: 1 },
          namespace: { type: "string", minLength: 1 },
          ...exemptionSelectors,
        },
      },
    },
    allowExemptions: ALLOW_EXEMPTIONS_SCHEMA,
    podTemplates: {
      type: "array",
      description:
        'Further kinds that carry a pod template: {apiVersion ("group/version" or "group/*"), kind, path (dotted, to the object holding metadata and spec)}.',
      items: {
        type: "object",
        additionalProperties: false,
        required: ["apiVersion", "kind", "path"],
        properties: {
          apiVersion: { type: "string", minLength: 1 },
          kind: { type: "string", minLength: 1 },
          path: { type: "string", minLength: 1 },
        },
      },
    },
  } as const;
}
