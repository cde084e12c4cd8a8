import { PolicyPack } from "@pulumi/policy";
import { installPackConfiguration } from "./install-configuration";
import { PolicySelection, hardenedPackArgs } from "./pack";
import { checkPackInternals } from "./sdk-internals";
import { shareAnalyzeDeserialization } from "./shared-deserialization";

/**
 * Serves a policy pack of the selected pulumi-hardened policies, as a pack's entry point does:
 * the SDK internals it relies on checked (one line on stderr for each that falls back),
 * properties deserialized once per request, the configuration read as a whole (pack-level
 * `hardened` section, configured levels, one-line errors), then the `PolicyPack`.
 *
 * @param name the pack's name, as `pulumi preview` shows it.
 */
export function serveHardenedPack(name: string, selection: PolicySelection = {}): PolicyPack {
  checkPackInternals();
  shareAnalyzeDeserialization();
  const args = hardenedPackArgs(selection);
  installPackConfiguration(args.policies);
  return new PolicyPack(name, args);
}
