import { sharedSettingsProperties } from "../../rules/settings/settings-schema";

/**
 * JSON schema of the `--config` file shared by `hardened check` and `hardened lint`: the settings
 * of the policy pack's schema (`sharedSettingsProperties`), under the same names.
 */
export const CONFIG_SCHEMA = {
  type: "object",
  additionalProperties: false,
  properties: sharedSettingsProperties(),
} as const;
