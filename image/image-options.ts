import { ImageRuleOptions } from "../rules/image/image-rule";
import { SettingError } from "../rules/settings/setting-error";
import { PLATFORM_FORM, Platform, parsePlatform } from "./platform";

/**
 * The image options as a front door is given them: the flags of `hardened verify` and
 * `hardened report` (numbers as the strings typed), or the `verify` argument of `HardenedImage`.
 */
export interface ImageOptionsInput {
  /** The platform to read from a multi-platform image, `os/arch[/variant]`. @default none given */
  readonly platform?: string;
  /** Also run the image and apply the runtime rules. @default false */
  readonly runtime?: boolean;
  /** Absolute paths of setuid/setgid files the image may keep. @default [] */
  readonly allowSetuid?: readonly string[];
  /** Size budget in MB (10^6 bytes) of the uncompressed layers. @default no budget */
  readonly maxSizeMb?: number | string;
  /** Layer budget: the largest number of layers. @default no budget */
  readonly maxLayers?: number | string;
  /** The pinned base's manifest digest the base labels must name. @default not checked */
  readonly baseDigest?: string;
}

/** The image options, checked and translated for the image rules and the image reader. */
export interface ImageOptions {
  /** The platform, when one was given. */
  readonly platform?: Platform;
  /** Whether the runtime rules run. */
  readonly runtime: boolean;
  /** Settings of the image rules. */
  readonly rules: ImageRuleOptions;
}

function shown(value: unknown): string {
  return typeof value === "string" ? JSON.stringify(value) : String(value);
}

function positive(option: string, value: number | string | undefined): number | undefined {
  if (value === undefined) {
    return undefined;
  }
  const n = typeof value === "number" ? value : Number(value);
  if (!Number.isFinite(n) || n <= 0) {
    throw new SettingError(option, `${shown(value)} is not a positive number`);
  }
  return n;
}

/**
 * The option a {@link SettingError} of {@link imageOptions} names (its `field`, like `maxLayers`
 * or `allowSetuid[1]`), without the index of a list entry.
 */
export function optionName(error: SettingError): keyof ImageOptionsInput {
  return error.field.replace(/\[\d+\]$/, "") as keyof ImageOptionsInput;
}

/** Reads a platform option, `os/arch[/variant]`, throwing {@link SettingError} for `option`. */
function platformOption(option: string, value: string): Platform {
  try {
    return parsePlatform(value);
  } catch {
    throw new SettingError(option, `${shown(value)} is not of the form ${PLATFORM_FORM}`);
  }
}

/**
 * Checks and translates the image options, the one translation `hardened verify`,
 * `hardened report` and `HardenedImage` share: budgets must be positive numbers (the size in MB
 * becomes bytes, the layer count is rounded down), setuid paths absolute, the base digest a
 * `sha256:` digest, the platform `os/arch[/variant]`. Throws {@link SettingError} for the
 * first invalid option.
 */
export function imageOptions(input: ImageOptionsInput): ImageOptions {
  const maxSizeMb = positive("maxSizeMb", input.maxSizeMb);
  const maxLayers = positive("maxLayers", input.maxLayers);
  (input.allowSetuid ?? []).forEach((path, i) => {
    if (!path.startsWith("/")) {
      throw new SettingError(
        `allowSetuid[${i}]`,
        `${shown(path)} is not an absolute path; expected a file in the image such as /usr/bin/ping`,
      );
    }
  });
  if (input.baseDigest !== undefined && !/^sha256:[a-f0-9]{64}$/.test(input.baseDigest)) {
    throw new SettingError(
      "baseDigest",
      `${shown(input.baseDigest)} is not a sha256:<64 hex> digest`,
    );
  }
  return {
    ...(input.platform !== undefined
      ? { platform: platformOption("platform", input.platform) }
      : {}),
    runtime: input.runtime === true,
    rules: {
      allowedSetuidPaths: input.allowSetuid ?? [],
      ...(maxSizeMb !== undefined ? { maxSizeBytes: Math.round(maxSizeMb * 1_000_000) } : {}),
      ...(maxLayers !== undefined ? { maxLayers: Math.floor(maxLayers) } : {}),
      ...(input.baseDigest !== undefined ? { expectedBaseDigest: input.baseDigest } : {}),
    },
  };
}
