import { Command, Option } from "commander";
import { readFileSync, statSync } from "fs";
import { dirname, join } from "path";
import { Finding } from "../../rules/finding";
import { DEFAULT_PROFILE, PROFILES, Profile } from "../../rules/profile";
import { DockerfileSyntaxError } from "../../rules/dockerfile/syntax-error";
import { InputError } from "../../shared/input-error";
import { OutputFlags, addOutputOptions, emitFindings } from "../output/output-options";
import { readStdin } from "../read-stdin";
import { stdinFilenameOf } from "../stdin-filename";

interface LintOptions extends OutputFlags {
  readonly target?: string;
  readonly profile?: string;
  readonly config?: string | false;
  readonly stdinFilename?: string;
  readonly inlineExemptions: boolean;
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? String(error);
}

/** The largest Dockerfile `hardened lint` reads: 8 MiB. */
export const MAX_DOCKERFILE_BYTES = 8 * 1024 * 1024;

/** A directory argument means the Dockerfile in it, as `docker build <dir>` does. */
function dockerfilePath(path: string): string {
  try {
    return statSync(path).isDirectory() ? join(path, "Dockerfile") : path;
  } catch (error) {
    throw new InputError(`cannot read ${path}: ${errorCode(error)}`);
  }
}

function readOptional(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    if (errorCode(error) === "ENOENT") {
      return undefined;
    }
    throw new InputError(`cannot read ${file}: ${errorCode(error)}`);
  }
}

/**
 * The .dockerignore BuildKit would use for a Dockerfile built with its own folder as the context:
 * `<Dockerfile>.dockerignore` next to it first, then `.dockerignore` in the folder.
 */
export function dockerignoreFor(file: string): string | undefined {
  return readOptional(`${file}.dockerignore`) ?? readOptional(join(dirname(file), ".dockerignore"));
}

/** Registers `hardened lint`: the Dockerfile rules over Dockerfiles. */
export function registerLintCommand(program: Command): void {
  const command = program
    .command("lint")
    .description(
      "Lint Dockerfiles against the Dockerfile rules (a .dockerignore next to each Dockerfile is read too)",
    )
    .argument(
      "<dockerfiles...>",
      "Dockerfiles, folders holding a Dockerfile, or - for standard input",
    )
    .option(
      "--target <stage>",
      "the stage that is built, as in docker build --target (default: the last)",
    )
    .addOption(
      new Option("--profile <profile>", `rule profile (default: ${DEFAULT_PROFILE})`).choices(
        PROFILES,
      ),
    )
    .option(
      "--config <file>",
      "YAML or JSON config: profile, allowedRegistries, allowExemptions (default: the nearest .hardened.yaml from the working directory up)",
    )
    .option("--no-config", "use no config file, not even a discovered .hardened.yaml")
    .option("--stdin-filename <name>", "the file name findings read from standard input report")
    .option(
      "--no-inline-exemptions",
      "do not honour `# hardened ignore` pragmas (allowExemptions.from: [config])",
    );
  addOutputOptions(command).action(async (paths: string[], options: LintOptions) => {
    // The Dockerfile rules load when this command runs, not on every start of the CLI.
    const { lintDockerfile } = await import("../../rules/dockerfile/lint");
    const { configFor } = await import("../config/discover-config");
    const { cliGovernance, cliRefusalOf } = await import("../config/exemption-governance");
    const stdinFilename = stdinFilenameOf(options.stdinFilename);
    const config = configFor(options.config, process.cwd());
    const profile = (options.profile ?? config.profile ?? DEFAULT_PROFILE) as Profile;
    const refusal = cliRefusalOf(cliGovernance(config.allowExemptions, !options.inlineExemptions));
    const findings: Finding[] = [];
    for (const path of paths) {
      const file = path === "-" ? "-" : dockerfilePath(path);
      const text = file === "-" ? readStdin() : readOptional(file);
      if (text === undefined) {
        throw new InputError(`cannot read ${file}: ENOENT (no such file)`);
      }
      const bytes = Buffer.byteLength(text, "utf8");
      if (bytes > MAX_DOCKERFILE_BYTES) {
        throw new InputError(
          `${file}: ${bytes} bytes, over the ${MAX_DOCKERFILE_BYTES}-byte limit for one Dockerfile`,
        );
      }
      const dockerignore = file === "-" ? undefined : dockerignoreFor(file);
      try {
        findings.push(
          ...lintDockerfile(text, {
            file: file === "-" ? (stdinFilename ?? file) : file,
            profile,
            ...(options.target !== undefined ? { target: options.target } : {}),
            ...(dockerignore !== undefined ? { dockerignore } : {}),
            allowedRegistries: config.allowedRegistries ?? [],
            refusalOf: (exemption) => refusal(exemption, null),
          }),
        );
      } catch (error) {
        if (error instanceof DockerfileSyntaxError) {
          throw new InputError(error.message);
        }
        throw error;
      }
    }
    const settings: Record<string, string> = { profile };
    if (options.target !== undefined) {
      settings.target = options.target;
    }
    await emitFindings({ command: "lint", findings, checked: paths.length, settings }, options);
  });
}
