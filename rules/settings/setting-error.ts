/**
 * A setting's value is invalid. `field` is the path of the wrong value inside the settings
 * (`pssVersion`, `exemptions[0].reason`, `allowExemptions.rules.allow`); `problem` says what was
 * given and what is allowed. Each front door wraps it with where the settings came from: the
 * config file of the CLI, the policy of the pack, the argument of a component.
 */
export class SettingError extends Error {
  constructor(
    /** The path of the wrong value, e.g. `allowedRegistries[1]`. */
    readonly field: string,
    /** What was given and what is allowed. */
    readonly problem: string,
  ) {
    super(`${field}: ${problem}`);
    this.name = "SettingError";
  }
}
