import { Policies } from "@pulumi/policy";
import { checkPackConfig } from "./config-check";
import { captureConfiguration } from "./configured-levels";
import { PACK_SECTION } from "./pack-section";
import { readSecretsFromRequests } from "./shared-deserialization";

/**
 * Makes a pack built from {@link hardenedPolicies} read its configuration as a whole: the
 * pack-level `hardened` section, each policy's configured level, a one-line error for an invalid
 * value and a warning for an unknown policy name or setting; and redact secret-marked values from
 * violations (read from each request). Call it before `new PolicyPack(...)`
 * (the pack's own entry point does). When the SDK's server cannot be hooked, the fence
 * (`sdk-internals`) says so once on stderr: the policies then read only their own settings, at
 * their default levels.
 */
export function installPackConfiguration(policies: Policies): void {
  const names = policies.map((p) => p.name);
  const settingNames = Object.keys(
    policies.find((p) => p.name === PACK_SECTION)?.configSchema?.properties ?? {},
  );
  captureConfiguration({
    alwaysAdvisory: [PACK_SECTION],
    check: (config) => checkPackConfig(config, names, settingNames),
  });
  readSecretsFromRequests();
}
