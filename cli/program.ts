import { Command } from "commander";
import { registerCheckCommand } from "./commands/check";
import { registerLintCommand } from "./commands/lint";
import { registerPinCommand } from "./commands/pin";
import { registerReportCommand } from "./commands/report";
import { registerPreviewCommand } from "./commands/preview";
import { registerRulesCommand } from "./commands/rules";
import { registerVerifyCommand } from "./commands/verify";
import { toolVersion } from "./tool-version";

/** Builds the `hardened` command line program with every command registered. */
export function buildProgram(): Command {
  const program = new Command("hardened")
    .description("Container hardening rules for Kubernetes manifests, Dockerfiles and images")
    .version(toolVersion())
    .showHelpAfterError()
    .exitOverride();
  registerCheckCommand(program);
  registerLintCommand(program);
  registerPinCommand(program);
  registerReportCommand(program);
  registerPreviewCommand(program);
  registerRulesCommand(program);
  registerVerifyCommand(program);
  return program;
}
