import { Command, Option } from "commander";
import { DEFAULT_PROFILE, PROFILES, Profile } from "../../rules/profile";
import { parsePssVersion } from "../../rules/kubernetes/pss-version";
import { exitCodeFor } from "../exit-code";
import { InputError } from "../input-error";
import { readInputFiles } from "../input-files";
import { loadConfig } from "../config/load-config";
import { checkManifests } from "../manifests/check-manifests";
import { OUTPUT_FORMATS, parseOutputFormat } from "../output/format";
import { renderFindings } from "../output/render";
import { readStdin } from "../read-stdin";

/** File extensions `hardened check` reads from directories. */
export const MANIFEST_EXTENSIONS: readonly string[] = [".yaml", ".yml", ".json"];

interface CheckOptions {
  readonly profile?: string;
  readonly pssVersion?: string;
  readonly format: string;
  readonly config?: string;
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
      "YAML or JSON config: profile, pssVersion, allowedRegistries, minUid, exemptions",
    )
    .action((paths: string[], options: CheckOptions) => {
      const format = parseOutputFormat(options.format);
      const config = options.config ? loadConfig(options.config) : {};
      const profile = (options.profile ?? config.profile ?? DEFAULT_PROFILE) as Profile;
      const pssVersion = pssVersionOf(options.pssVersion ?? config.pssVersion ?? "latest");
      const files = readInputFiles(paths, MANIFEST_EXTENSIONS, readStdin);
      const result = checkManifests(
        files,
        {
          profile,
          options: {
            pssVersion,
            allowedRegistries: config.allowedRegistries,
            minUid: config.minUid,
          },
        },
        config.exemptions,
      );
      process.stdout.write(
        renderFindings(
          {
            command: "check",
            findings: result.findings,
            checked: result.checked,
            settings: { profile, pssVersion: pssVersion.label },
          },
          format,
        ),
      );
      process.exitCode = exitCodeFor(result.findings);
    });
}
