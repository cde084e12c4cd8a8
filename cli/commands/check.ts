import { Command, Option } from "commander";
import { DEFAULT_PROFILE, PROFILES, Profile } from "../../rules/profile";
import { parsePssVersion } from "../../rules/kubernetes/pss-version";
import { exitCodeFor } from "../exit-code";
import { InputError } from "../input-error";
import { cliGovernance, cliRefusalOf } from "../config/exemption-governance";
import { loadConfig } from "../config/load-config";
import { scanManifests } from "../manifests/scan-manifests";
import { OUTPUT_FORMATS, parseOutputFormat } from "../output/format";
import { renderFindings } from "../output/render";
import { readStdin } from "../read-stdin";

interface CheckOptions {
  readonly profile?: string;
  readonly pssVersion?: string;
  readonly format: string;
  readonly config?: string;
  readonly verbose?: boolean;
  readonly values: string[];
  readonly set: string[];
  readonly inlineExemptions: boolean;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function pssVersionOf(value: string) {
  try {
    return parsePssVersion(value);
  } catch (error) {
    throw new InputError(`--pss-version: ${(error as Error).message}`);
  }
}

/** Registers `hardened check`: the Kubernetes rules over YAML and JSON manifests. */
export function registerCheckCommand(program: Command): void {
  program
    .command("check")
    .description(
      "Check Kubernetes manifests (files, directories, or - for stdin such as `helm template` output) against the workload rules",
    )
    .argument("[paths...]", "manifest files or directories; - reads standard input", ["-"])
    .addOption(
      new Option("--profile <profile>", `rule profile (default: ${DEFAULT_PROFILE})`).choices(
        PROFILES,
      ),
    )
    .option(
      "--pss-version <version>",
      "Pod Security Standards version, v1.25 … latest (default: latest)",
    )
    .addOption(
      new Option("--format <format>", "output format").choices(OUTPUT_FORMATS).default("text"),
    )
    .option(
      "--config <file>",
      "YAML or JSON config: profile, pssVersion, allowedRegistries, minUid, exemptions, allowExemptions, podTemplates",
    )
    .option(
      "--no-inline-exemptions",
      "honour only the config file's exemptions, not hardened.dev/exempt annotations (allowExemptions.from: [config])",
    )
    .option("--verbose", "list every skipped file and document, with the reason")
    .option("--values <file>", "values file for every Helm chart found (repeatable)", collect, [])
    .option("--set <key=value>", "value for every Helm chart found (repeatable)", collect, [])
    .action((paths: string[], options: CheckOptions) => {
      const format = parseOutputFormat(options.format);
      const config = options.config ? loadConfig(options.config) : {};
      const profile = (options.profile ?? config.profile ?? DEFAULT_PROFILE) as Profile;
      const pssVersion = pssVersionOf(options.pssVersion ?? config.pssVersion ?? "latest");
      const result = scanManifests(
        paths,
        {
          profile,
          podTemplates: config.podTemplates,
          refusalOf: cliRefusalOf(cliGovernance(config.allowExemptions, !options.inlineExemptions)),
          options: {
            pssVersion,
            allowedRegistries: config.allowedRegistries,
            minUid: config.minUid,
          },
        },
        config.exemptions ?? [],
        { values: options.values, set: options.set },
        readStdin,
      );
      process.stdout.write(
        renderFindings(
          {
            command: "check",
            findings: result.findings,
            checked: result.checked,
            settings: { profile, pssVersion: pssVersion.label },
            scan: result.scan,
            verbose: options.verbose ?? false,
          },
          format,
        ),
      );
      process.exitCode = exitCodeFor(result.findings);
    });
}
