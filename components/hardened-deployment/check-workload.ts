import { Exemption } from "../../rules/exemptions/exemption";
import { Finding, isBlocking } from "../../rules/finding";
import { evaluateWorkload } from "../../rules/kubernetes/evaluate";
import { KubernetesRuleOptions } from "../../rules/kubernetes/options";
import { KubernetesObject } from "../../rules/kubernetes/types";
import { componentSetting } from "../shared/settings";
import { HardenedArgsError, HardeningViolationError } from "./errors";

/**
 * Checks the settings among `ruleOptions` (`allowedRegistries`, `minUid`) with the parser of the
 * CLI config and the policy pack; throws `HardenedArgsError` naming `arg` and the field, like
 * `args.ruleOptions.allowedRegistries[0]`. `pssVersion` is given parsed already.
 */
export function checkRuleOptions(
  ruleOptions: KubernetesRuleOptions | undefined,
  arg: string,
  owner: string,
): void {
  componentSetting(
    owner,
    "allowedRegistries",
    ruleOptions?.allowedRegistries,
    `${arg}.`,
    HardenedArgsError,
  );
  componentSetting(owner, "minUid", ruleOptions?.minUid, `${arg}.`, HardenedArgsError);
}

/**
 * Runs every rule of the `hardened` profile (which includes baseline and restricted) on a workload
 * built as plain data. Throws {@link HardeningViolationError} listing every error-severity finding
 * no exemption covers; returns the other findings (warnings, notes, exempted errors) for the
 * caller to report.
 */
export function checkWorkload(
  workload: KubernetesObject,
  owner: string,
  ruleOptions: KubernetesRuleOptions | undefined,
  exemptions: readonly Exemption[] = [],
): Finding[] {
  const findings = evaluateWorkload(workload, {
    profile: "hardened",
    options: ruleOptions,
    exemptions,
  });
  const blocking = findings.filter(isBlocking);
  if (blocking.length > 0) {
    throw new HardeningViolationError(owner, blocking);
  }
  return findings;
}
