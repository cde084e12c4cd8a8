import { PROFILES } from "../../rules/profile";

/** JSON schema of the `--config` file shared by `hardened check` and `hardened lint`. */
export const CONFIG_SCHEMA = {
  type: "object",
  additionalProperties: false,
  properties: {
    profile: { enum: [...PROFILES] },
    pssVersion: { type: "string", pattern: "^(latest|v1\\.\\d+)$" },
    allowedRegistries: { type: "array", items: { type: "string", minLength: 1 } },
    minUid: { type: "integer", minimum: 1 },
    exemptions: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["rule", "reason"],
        properties: {
          rule: { type: "string", minLength: 1 },
          reason: { type: "string", minLength: 1, pattern: "\\S" },
          container: { type: "string", minLength: 1 },
          kind: { type: "string", minLength: 1 },
          name: { type: "string", minLength: 1 },
          namespace: { type: "string", minLength: 1 },
        },
      },
    },
    podTemplates: { type: "array" },
  },
} as const;
