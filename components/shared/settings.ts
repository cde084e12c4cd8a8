import { SettingName, SharedSettings, readSetting } from "../../rules/settings/read-settings";
import { SettingError } from "../../rules/settings/setting-error";
import { ComponentArgsError } from "./errors";

/** A component's argument error class, `(owner, arg, problem)`. */
export type ArgsErrorClass = new (
  owner: string,
  arg: string,
  problem: string,
) => ComponentArgsError;

/**
 * Reads a shared setting a component takes as an argument (`allowedRegistries`, `minUid`) with
 * the parser the CLI config and the policy pack use, so all three accept the same values. An
 * invalid value throws `error` naming the argument: `argPrefix` and the setting's field, like
 * `args.ruleOptions.allowedRegistries[1]`. Undefined stays undefined.
 */
export function componentSetting<K extends SettingName>(
  owner: string,
  name: K,
  value: unknown,
  argPrefix: string,
  error: ArgsErrorClass,
): SharedSettings[K] {
  if (value === undefined) {
    return undefined;
  }
  try {
    return readSetting(name, value);
  } catch (e) {
    if (e instanceof SettingError) {
      throw new error(owner, `${argPrefix}${e.field}`, e.problem);
    }
    throw e;
  }
}
