import { ImageOptions, ImageOptionsInput, imageOptions, optionName } from "../image/image-options";
import { InputError } from "../shared/input-error";
import { SettingError } from "../rules/settings/setting-error";

const FLAGS: Readonly<Record<keyof ImageOptionsInput, string>> = {
  platform: "--platform",
  runtime: "--runtime",
  allowSetuid: "--allow-setuid",
  maxSizeMb: "--max-size-mb",
  maxLayers: "--max-layers",
  baseDigest: "--base-digest",
};

/**
 * The image options of `hardened verify` and `hardened report`, translated as `HardenedImage`
 * translates its `verify` argument (`imageOptions`); an invalid one is an `InputError` naming
 * the flag.
 */
export function imageOptionsOfFlags(input: ImageOptionsInput): ImageOptions {
  try {
    return imageOptions(input);
  } catch (error) {
    if (error instanceof SettingError) {
      throw new InputError(`${FLAGS[optionName(error)]} ${error.problem}`);
    }
    throw error;
  }
}
