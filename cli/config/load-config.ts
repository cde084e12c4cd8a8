import { readFileSync } from "fs";
import { parse } from "yaml";
import {
  SETTING_NAMES,
  SettingsInput,
  readSharedSettings,
} from "../../rules/settings/read-settings";
import { SettingError } from "../../rules/settings/setting-error";
import { InputError } from "../../shared/input-error";

/** The settings a `--config` file may hold (YAML or JSON): the shared settings, as written. */
export type HardenedConfig = SettingsInput;

/**
 * Reads and validates a config file with the parser the policy pack uses too
 * (`readSharedSettings`), so both accept the same values. Every problem is an `InputError` naming
 * the file, the field and what is allowed: unreadable file, malformed YAML, an unknown setting, a
 * value of the wrong type, an exemption without a reason, an unknown rule id.
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
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new InputError(
      `config ${file}: got ${JSON.stringify(value)}; expected a mapping of settings (${SETTING_NAMES.join(", ")})`,
    );
  }
  try {
    readSharedSettings(value as Record<string, unknown>);
  } catch (error) {
    if (error instanceof SettingError) {
      throw new InputError(`config ${file}: ${error.message}`);
    }
    throw error;
  }
  const config = value as HardenedConfig;
  return config;
}
