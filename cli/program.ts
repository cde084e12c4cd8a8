import { Command } from "commander";
import { registerCheckCommand } from "./commands/check";
import { registerRulesCommand } from "./commands/rules";
import { toolVersion } from "./tool-version";

/** Builds the `hardened` command line program with every command registered. */
export function buildProgram(): Command {
  const program = new Command("hardened")
    .description("Container hardening rules for Kubernetes manifests, Dockerfiles and images")
    .version(toolVersion())
    .showHelpAfterError()
    .exitOverride();
  registerCheckCommand(program);
  registerRulesCommand(program);
  return program;
}
