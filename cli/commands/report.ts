import { Command, Option } from "commander";
import { isImageInputError } from "../../image/cli-input";
import { DEFAULT_PLATFORM, parsePlatform } from "../../image/platform";
import { buildReport } from "../../image/report/build-report";
import { REPORT_FORMATS, renderReport, ReportFormat } from "../../image/report/render-report";
import { readImage } from "../../image/source";
import { InputError } from "../input-error";

interface ReportOptions {
  readonly before?: string;
  readonly format: ReportFormat;
  readonly platform: string;
}

/** Registers `hardened report`: a hardening report of an image, optionally against its unhardened predecessor. */
export function registerReportCommand(program: Command): void {
  program
    .command("report")
    .description(
      "Print a hardening report of an image: size (and the reduction from --before), one PASS/WARN/FAIL line per image rule, and Trivy vulnerability counts when trivy is on PATH",
    )
    .argument("<image>", "the hardened image reference")
    .option("--before <image>", "the image before hardening, to compare sizes and vulnerabilities")
    .addOption(
      new Option("--format <format>", "output format").choices(REPORT_FORMATS).default("text"),
    )
    .option(
      "--platform <os/arch>",
      "platform to pick from a multi-platform image",
      DEFAULT_PLATFORM,
    )
    .action(async (image: string, options: ReportOptions) => {
      let platform;
      try {
        platform = parsePlatform(options.platform);
      } catch (error) {
        throw new InputError((error as Error).message);
      }
      try {
        const model = await readImage({ kind: "registry", reference: image }, { platform });
        const before =
          options.before === undefined
            ? undefined
            : await readImage({ kind: "registry", reference: options.before }, { platform });
        process.stdout.write(
          renderReport(await buildReport(model, before, new Date()), options.format),
        );
      } catch (error) {
        if (isImageInputError(error)) {
          throw new InputError(error.message);
        }
        throw error;
      }
    });
}
