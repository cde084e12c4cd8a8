import { Command, Option } from "commander";
import { DEFAULT_PROFILE, PROFILES, Profile } from "../../rules/profile";
import { parsePssVersion } from "../../rules/kubernetes/pss-version";
import { InputError } from "../../shared/input-error";
import { OutputFlags, addOutputOptions, emitFindings } from "../output/output-options";
import { readStdin } from "../read-stdin";
import { relabelStdin, stdinFilenameOf } from "../stdin-filename";

interface CheckOptions extends OutputFlags {
  readonly profile?: string;
  readonly pssVersion?: string;
  readonly config?: string | false;
  readonly stdinFilename?: string;
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
  const command = program
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
    .option(
      "--config <file>",
      "YAML or JSON config: profile, pssVersion, allowedRegistries, minUid, exemptions, allowExemptions, podTemplates (default: the nearest .hardened.yaml from the working directory up)",
    )
    .option("--no-config", "use no config file, not even a discovered .hardened.yaml")
    .option("--stdin-filename <name>", "the file name findings read from standard input report")
    .option(
      "--no-inline-exemptions",
      "honour only the config file's exemptions, not hardened.dev/exempt annotations (allowExemptions.from: [config])",
    )
    .option("--verbose", "list every skipped file and document, with the reason")
    .option("--values <file>", "values file for every Helm chart found (repeatable)", collect, [])
    .option("--set <key=value>", "value for every Helm chart found (repeatable)", collect, []);
  addOutputOptions(command).action(async (paths: string[], options: CheckOptions) => {
    // The manifest reader and the Kubernetes rules load when this command runs.
    const { configFor } = await import("../config/discover-config");
    const { cliGovernance, cliRefusalOf } = await import("../config/exemption-governance");
    const { scanManifests } = await import("../manifests/scan-manifests");
    const stdinFilename = stdinFilenameOf(options.stdinFilename);
    const config = configFor(options.config, process.cwd());
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
    await emitFindings(
      {
        command: "check",
        findings: relabelStdin(result.findings, stdinFilename),
        checked: result.checked,
        settings: { profile, pssVersion: pssVersion.label },
        scan: { ...result.scan, skipped: relabelStdin(result.scan.skipped, stdinFilename) },
        verbose: options.verbose ?? false,
      },
      options,
    );
  });
}
