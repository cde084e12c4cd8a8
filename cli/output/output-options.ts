import { Command, Option } from "commander";
import { exitCodeFor } from "../exit-code";
import { useColor } from "./color";
import { DEFAULT_FAIL_ON, FAIL_ON_VALUES, parseFailOn } from "./fail-on";
import { OUTPUT_FORMATS, parseOutputFormat } from "./format";
import type { FindingReport } from "./report";

/** The output flags `check`, `lint` and `verify` share, as commander parses them. */
export interface OutputFlags {
  readonly format: string;
  readonly failOn: string;
  readonly quiet?: boolean;
  readonly color: boolean;
}

/** Adds `--format`, `--fail-on`, `--quiet` and `--no-color` to `command`. */
export function addOutputOptions(command: Command): Command {
  return command
    .addOption(
      new Option("--format <format>", "output format").choices(OUTPUT_FORMATS).default("text"),
    )
    .addOption(
      new Option("--fail-on <severity>", "exit 1 when an open finding is at or above this severity")
        .choices(FAIL_ON_VALUES)
        .default(DEFAULT_FAIL_ON),
    )
    .option("--quiet", "text output: only the open findings, nothing when there are none")
    .option("--no-color", "never colour text output (also off when NO_COLOR is set or not a TTY)");
}

/**
 * Prints `report` to standard output as the flags ask and sets the exit code: 1 when an open
 * finding is at or above `--fail-on`, 0 otherwise.
 */
export async function emitFindings(report: FindingReport, flags: OutputFlags): Promise<void> {
  const format = parseOutputFormat(flags.format);
  const failOn = parseFailOn(flags.failOn);
  // The renderers (and the rule catalog they describe findings with) load once there is output.
  const { renderFindings } = await import("./render");
  process.stdout.write(
    renderFindings({ ...report, quiet: flags.quiet === true }, format, {
      failOn,
      color: useColor(process.stdout.isTTY === true, process.env, flags.color),
    }),
  );
  process.exitCode = exitCodeFor(report.findings, failOn);
}
