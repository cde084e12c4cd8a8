import { Command } from "commander";
import { DEFAULT_PLATFORM } from "../../image/platform";
import { InputError } from "../../shared/input-error";
import { OutputFlags, addOutputOptions, emitFindings } from "../output/output-options";

interface VerifyOptions extends OutputFlags {
  readonly archive?: string;
  readonly runtime?: boolean;
  readonly platform: string;
  readonly allowSetuid?: string[];
  readonly maxSizeMb?: string;
  readonly maxLayers?: string;
  readonly baseDigest?: string;
  readonly resolveBase: boolean;
  readonly sbom?: string;
}

/** Registers `hardened verify`: the built-image rules over an image in a registry or an archive. */
export function registerVerifyCommand(program: Command): void {
  const command = program
    .command("verify")
    .description(
      "Verify a built image (from its registry, or a docker save / OCI layout tarball) against the image rules; --runtime also runs it in the local Docker engine",
    )
    .argument("[image]", "image reference, e.g. registry.example.com/app:1.0 or ...@sha256:...")
    .option("--archive <file>", "read the image from a docker save or OCI layout tarball instead")
    .option("--sbom <file>", "also write the image's packages as a CycloneDX 1.5 JSON SBOM")
    .option(
      "--runtime",
      "also run the image in the local Docker engine and apply the runtime rules",
    )
    .option(
      "--platform <os/arch>",
      "platform to pick from a multi-platform image",
      DEFAULT_PLATFORM,
    )
    .option("--allow-setuid <paths...>", "setuid/setgid files the image may keep")
    .option("--max-size-mb <mb>", "size budget: largest sum of uncompressed layer sizes, in MB")
    .option("--max-layers <n>", "layer budget: largest number of layers")
    .option("--base-digest <digest>", "the pinned base's manifest digest the base labels must name")
    .option(
      "--no-resolve-base",
      "do not fetch the base image the OCI base labels name (offline; base layers stay unmarked)",
    );
  addOutputOptions(command).action(async (image: string | undefined, options: VerifyOptions) => {
    // The image readers load when this command runs, not on every start of the CLI.
    const { imageSourceOf, isImageInputError } = await import("../../image/cli-input");
    const { parsePlatform } = await import("../../image/platform");
    const { verifyImage } = await import("../../image/verify");
    const { writeSbom } = await import("../output/write-sbom");
    const { imageOptionsOfFlags } = await import("../image-options");
    const { platform, rules, runtime } = imageOptionsOfFlags({
      platform: options.platform,
      runtime: options.runtime,
      allowSetuid: options.allowSetuid,
      maxSizeMb: options.maxSizeMb,
      maxLayers: options.maxLayers,
      baseDigest: options.baseDigest,
    });
    let source;
    try {
      source = imageSourceOf(image, options.archive);
    } catch (error) {
      throw new InputError((error as Error).message);
    }
    try {
      const { model, findings } = await verifyImage(source, {
        platform: platform ?? parsePlatform(DEFAULT_PLATFORM),
        rules,
        runtime,
        resolveBase: options.resolveBase,
      });
      if (options.sbom !== undefined) {
        writeSbom(options.sbom, model, new Date());
      }
      await emitFindings(
        {
          command: "verify",
          findings,
          checked: 1,
          settings: {
            platform: options.platform,
            runtime: options.runtime ? "on" : "off",
            base: model.baseLookup ?? "not looked up",
          },
        },
        options,
      );
    } catch (error) {
      if (isImageInputError(error)) {
        throw new InputError(error.message);
      }
      throw error;
    }
  });
}
