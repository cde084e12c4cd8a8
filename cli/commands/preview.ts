import { Command, Option } from "commander";
import { existsSync } from "fs";
import { join, relative } from "path";
import type { StackConfig } from "../../preview/stack-config";
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from "../exit-code";
import { InputError } from "../../shared/input-error";
import { packageRoot } from "../../shared/package-root";

interface PreviewOptions {
  readonly policyPack?: string;
  readonly stack: string;
  readonly stackConfig?: string;
  readonly policyConfig?: string;
  readonly renderYaml?: string;
  readonly engine: string;
  readonly allowUnexpanded?: boolean;
  readonly format: "text" | "json" | "sarif";
}

/** The engines `hardened preview` can run a program with. */
const ENGINES = ["auto", "mocks", "pulumi"] as const;

/**
 * The folder of the `pulumi` CLI to use, or undefined for mocks: `auto` uses the CLI when one is on
 * PATH, `pulumi` requires it.
 */
async function chooseEngine(engine: string): Promise<string | undefined> {
  if (!(ENGINES as readonly string[]).includes(engine)) {
    throw new InputError(`--engine ${engine}: expected one of ${ENGINES.join(", ")}`);
  }
  if (engine === "mocks") {
    return undefined;
  }
  const { findEngineOnPath } = await import("../../preview/engine/run-engine-operation");
  const bin = findEngineOnPath();
  if (!bin && engine === "pulumi") {
    throw new InputError("--engine pulumi: no pulumi CLI on PATH");
  }
  return bin;
}

/**
 * Registers `hardened preview`: a policy gate for CI jobs without Pulumi credentials. With a
 * `pulumi` CLI on PATH (or `--engine pulumi`) it runs the real `pulumi preview --policy-pack`
 * against a throwaway file backend and reports the engine's verdict. Without one (or with
 * `--engine mocks`) it runs the Pulumi TypeScript program under the runtime's mocks and sends every
 * resource to the policy pack over the Analyzer protocol, as the engine would; components whose
 * children only the engine produces are listed, and fail the run unless `--allow-unexpanded`.
 */
export function registerPreviewCommand(program: Command): void {
  program
    .command("preview")
    .description(
      "Run a Pulumi TypeScript program under mocks and check its resources with the policy pack, like `pulumi preview --policy-pack`",
    )
    .argument("[program-dir]", "the Pulumi program's folder", ".")
    .option("--policy-pack <dir>", "policy pack folder (default: pulumi-hardened's own pack)")
    .option("--stack <name>", "stack name the program sees", "dev")
    .option(
      "--stack-config <file>",
      "stack config (default: <program-dir>/Pulumi.<stack>.yaml when it exists)",
    )
    .option(
      "--policy-config <file>",
      "policy config JSON, as for `pulumi preview --policy-pack-config`",
    )
    .option(
      "--render-yaml <dir>",
      "also write the Kubernetes resources as YAML, laid out as renderYamlToDirectory does (mocks only)",
    )
    .option(
      "--engine <engine>",
      "auto: the real `pulumi preview --policy-pack` when a pulumi CLI is on PATH, else mocks; mocks; pulumi",
      "auto",
    )
    .option(
      "--allow-unexpanded",
      "under mocks, pass even when components whose children only the engine produces (Helm charts, ConfigGroups, ConfigFiles, remote components) were not checked",
    )
    .addOption(
      new Option(
        "--format <format>",
        "mocks only: json or sarif prints the policy violations as `hardened check` does",
      )
        .choices(["text", "json", "sarif"])
        .default("text"),
    )
    .action(async (programDir: string, options: PreviewOptions) => {
      // The Pulumi SDK and gRPC load when this command runs, not on every start of the CLI.
      const { findProgramEntry } = await import("../../preview/program-entry");
      const { project, entry } = findProgramEntry(programDir);
      const engineBin = await chooseEngine(options.engine);
      if (engineBin) {
        if (options.renderYaml) {
          throw new InputError("--render-yaml works under mocks only: add --engine mocks");
        }
        if (options.format !== "text") {
          throw new InputError(
            `--format ${options.format} works under mocks only: add --engine mocks`,
          );
        }
        const { runEnginePreview } = await import("../../preview/engine/engine-preview");
        const verdict = await runEnginePreview(programDir, {
          packDir: options.policyPack ?? join(packageRoot(), "policies"),
          stack: options.stack,
          stackConfigFile: options.stackConfig,
          policyConfigFile: options.policyConfig,
          engineBin,
        });
        const { exitCode, error } = verdict.result;
        process.stdout.write(
          `hardened preview: pulumi preview (${engineBin}) exited ${exitCode}: ` +
            `${verdict.mandatory} mandatory, ${verdict.advisory} advisory policy violations\n`,
        );
        if (exitCode !== 0 && verdict.mandatory === 0) {
          process.stderr.write(
            `hardened: pulumi preview failed${error ? `: ${error}` : "; see its output above"}\n`,
          );
        }
        process.exitCode =
          exitCode === 0 ? EXIT_OK : verdict.mandatory > 0 ? EXIT_FINDINGS : EXIT_USAGE;
        return;
      }
      const { readPolicyConfig } = await import("../../preview/policy-config");
      const { renderPreview } = await import("../../preview/render-preview");
      const { renderYaml } = await import("../../preview/render-yaml");
      const { runPreview } = await import("../../preview/run-preview");
      const { readStackConfig } = await import("../../preview/stack-config");
      const { previewFindings } = await import("../output/preview-findings");
      const { renderFindings } = await import("../output/render");
      const defaultConfig = join(programDir, `Pulumi.${options.stack}.yaml`);
      const configFile =
        options.stackConfig ?? (existsSync(defaultConfig) ? defaultConfig : undefined);
      const stackConfig: StackConfig = configFile
        ? readStackConfig(configFile, project)
        : { config: {}, secretKeys: [], undecrypted: [] };
      const result = await runPreview(
        programDir,
        options.policyPack ?? join(packageRoot(), "policies"),
        { stack: options.stack, config: stackConfig.config, secretKeys: stackConfig.secretKeys },
        options.policyConfig ? readPolicyConfig(options.policyConfig) : {},
      );
      process.stdout.write(
        options.format === "text"
          ? renderPreview(result, programDir, stackConfig.undecrypted)
          : renderFindings(
              {
                command: "preview",
                findings: previewFindings(result, relative(process.cwd(), entry)),
                checked: result.resources.length,
                settings: {
                  engine: "mocks",
                  unexpanded: String(result.unexpanded.length),
                  unansweredInvokes: result.unansweredInvokes.join(","),
                },
              },
              options.format,
            ),
      );
      if (options.renderYaml) {
        const rendered = renderYaml(result.resources, options.renderYaml);
        (options.format === "text" ? process.stdout : process.stderr).write(
          `Rendered ${rendered.written.length} Kubernetes manifests to ${options.renderYaml}` +
            `${rendered.skipped.length ? `; not rendered, inputs not known before deployment: ${rendered.skipped.join(", ")}` : ""}\n`,
        );
      }
      const blocked = result.diagnostics.some((d) => d.enforcementLevel === "mandatory");
      if (result.unexpanded.length > 0 && !options.allowUnexpanded) {
        process.stderr.write(
          `hardened: ${result.unexpanded.length} component(s) not expanded under mocks, so their resources were not checked; ` +
            "run with --engine pulumi, or pass --allow-unexpanded to accept\n",
        );
      }
      process.exitCode = blocked
        ? EXIT_FINDINGS
        : result.unexpanded.length > 0 && !options.allowUnexpanded
          ? EXIT_USAGE
          : EXIT_OK;
    });
}
