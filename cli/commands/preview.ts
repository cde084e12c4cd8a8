import { Command } from "commander";
import { existsSync } from "fs";
import { join } from "path";
import { readPolicyConfig } from "../../preview/policy-config";
import { findProgramEntry } from "../../preview/program-entry";
import { renderPreview } from "../../preview/render-preview";
import { renderYaml } from "../../preview/render-yaml";
import { runPreview } from "../../preview/run-preview";
import { StackConfig, readStackConfig } from "../../preview/stack-config";
import { EXIT_FINDINGS, EXIT_OK } from "../exit-code";
import { packageRoot } from "../package-root";

interface PreviewOptions {
  readonly policyPack?: string;
  readonly stack: string;
  readonly stackConfig?: string;
  readonly policyConfig?: string;
  readonly renderYaml?: string;
}

/**
 * Registers `hardened preview`: a policy gate for CI jobs without Pulumi credentials. It runs a
 * Pulumi TypeScript program under the runtime's mocks and sends every resource to the policy pack
 * over the Analyzer protocol, as `pulumi preview --policy-pack` would.
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
      "also write the Kubernetes resources as YAML, laid out as renderYamlToDirectory does",
    )
    .action(async (programDir: string, options: PreviewOptions) => {
      const project = findProgramEntry(programDir).project;
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
      process.stdout.write(renderPreview(result, programDir, stackConfig.undecrypted));
      if (options.renderYaml) {
        const rendered = renderYaml(result.resources, options.renderYaml);
        process.stdout.write(
          `Rendered ${rendered.written.length} Kubernetes manifests to ${options.renderYaml}` +
            `${rendered.skipped.length ? `; not rendered, inputs not known before deployment: ${rendered.skipped.join(", ")}` : ""}\n`,
        );
      }
      process.exitCode = result.diagnostics.some((d) => d.enforcementLevel === "mandatory")
        ? EXIT_FINDINGS
        : EXIT_OK;
    });
}
