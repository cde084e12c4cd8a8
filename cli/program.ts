import { Command } from "commander";
import { registerCheckCommand } from "./commands/check";
import { registerLintCommand } from "./commands/lint";
import { registerPinCommand } from "./commands/pin";
import { registerReportCommand } from "./commands/report";
import { registerPreviewCommand } from "./commands/preview";
import { registerRulesCommand } from "./commands/rules";
import { registerVerifyCommand } from "./commands/verify";
import { startProgress } from "./progress";
import { toolVersion } from "./tool-version";

/** Commands whose work can take long enough to show progress on a terminal. */
const PROGRESS_COMMANDS: ReadonlySet<string> = new Set(["verify", "report", "pin"]);

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
  for (const command of program.commands) {
    if (
      PROGRESS_COMMANDS.has(command.name()) &&
      !command.options.some((o) => o.long === "--quiet")
    ) {
      command.option("--quiet", "print no progress on a terminal");
    }
  }
  let stopProgress: (() => void) | undefined;
  program.hook("preAction", (_program, command) => {
    if (PROGRESS_COMMANDS.has(command.name())) {
      stopProgress = startProgress(`hardened ${command.name()}`, {
        quiet: command.opts().quiet === true,
      });
    }
  });
  program.hook("postAction", () => {
    stopProgress?.();
    stopProgress = undefined;
  });
  return program;
}
