import { Command, Option } from "commander";
import { DEFAULT_PLATFORM } from "../../image/platform";
import { REPORT_FORMATS, ReportFormat } from "../../image/report/report-format";
import { InputError } from "../../shared/input-error";

interface ReportOptions {
  readonly archive?: string;
  readonly before?: string;
  readonly sbom?: string;
  readonly format: ReportFormat;
  readonly platform: string;
}

/** Registers `hardened report`: a hardening report of an image, optionally against its unhardened predecessor. */
export function registerReportCommand(program: Command): void {
  program
    .command("report")
    .description(
      "Print a hardening report of an image: size (and the reduction from --before), one PASS/WARN/FAIL line per image rule, the installed packages per ecosystem (and those --before had that were removed), and Trivy vulnerability counts when trivy is on PATH",
    )
    .argument("[image]", "the hardened image reference")
    .option("--archive <file>", "read the image from a docker save or OCI layout tarball instead")
    .option(
      "--before <image>",
      "the image before hardening, to compare sizes, packages and vulnerabilities",
    )
    .option("--sbom <file>", "also write the image's packages as a CycloneDX 1.5 JSON SBOM")
    .addOption(
      new Option("--format <format>", "output format").choices(REPORT_FORMATS).default("text"),
    )
    .option(
      "--platform <os/arch>",
      "platform to pick from a multi-platform image",
      DEFAULT_PLATFORM,
    )
    .action(async (image: string | undefined, options: ReportOptions) => {
      // The image readers load when this command runs, not on every start of the CLI.
      const { imageSourceOf, isImageInputError } = await import("../../image/cli-input");
      const { parsePlatform } = await import("../../image/platform");
      const { buildReport } = await import("../../image/report/build-report");
      const { renderReport } = await import("../../image/report/render-report");
      const { readImage } = await import("../../image/source");
      const { writeSbom } = await import("../output/write-sbom");
      const { imageOptionsOfFlags } = await import("../image-options");
      const platform =
        imageOptionsOfFlags({ platform: options.platform }).platform ??
        parsePlatform(DEFAULT_PLATFORM);
      let source;
      try {
        source = imageSourceOf(image, options.archive);
      } catch (error) {
        throw new InputError((error as Error).message);
      }
      try {
        const model = await readImage(source, { platform });
        const before =
          options.before === undefined
            ? undefined
            : await readImage({ kind: "registry", reference: options.before }, { platform });
        const date = new Date();
        if (options.sbom !== undefined) {
          writeSbom(options.sbom, model, date);
        }
        process.stdout.write(renderReport(await buildReport(model, before, date), options.format));
      } catch (error) {
        if (isImageInputError(error)) {
          throw new InputError(error.message);
        }
        throw error;
      }
    });
}
