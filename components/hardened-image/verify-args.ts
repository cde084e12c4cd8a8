import { ImageOptions, ImageOptionsInput, imageOptions } from "../../image/image-options";
import { DEFAULT_PLATFORM, parsePlatform, Platform } from "../../image/platform";
import { Exemption } from "../../rules/exemptions/exemption";
import { ImageRuleOptions } from "../../rules/image/image-rule";
import { IMAGE_RULES } from "../../rules/image/rules";
import { HardenedImageArgsError } from "./errors";
import { SettingError } from "../../rules/settings/setting-error";

/** A decision to accept one image rule's findings for this image. */
export interface ImageExemption {
  /** The exempted image rule's id, e.g. `image-setuid-files`. */
  readonly rule: string;
  /** Why its findings are accepted; shown in the logs, the `report` and `reportJson`. */
  readonly reason: string;
}

/** How `HardenedImage` verifies the image it pushed (the checks `hardened verify` runs). */
export interface ImageVerifyArgs {
  /**
   * Also pull the pushed image into the local Docker engine and run it (always with
   * `--network none`) to apply the runtime rules (`image-runtime-*`): the real uid of its
   * processes, a read-only root file system, no `/bin/sh`, a passing HEALTHCHECK. It needs a
   * Docker engine where `pulumi up` runs, and linux/amd64 images.
   * @default false
   */
  readonly runtime?: boolean;
  /**
   * Absolute paths of setuid/setgid files the image may keep (`image-setuid-files`).
   * @default []
   */
  readonly allowSetuid?: readonly string[];
  /**
   * Size budget in MB (10^6 bytes) of the sum of the uncompressed layer sizes
   * (`image-size-budget`, a warning).
   * @default no budget
   */
  readonly maxSizeMb?: number;
  /**
   * Layer budget: the largest number of layers (`image-layer-budget`, a warning).
   * @default no budget
   */
  readonly maxLayers?: number;
  /**
   * The platform read from a multi-platform image, `os/arch[/variant]`.
   * @default the component's `platform` when it names one platform, else `linux/amd64`
   */
  readonly platform?: string;
  /**
   * Image rules whose error findings do not fail the resource, each with a reason. The findings
   * are still logged and kept in `reportJson`.
   * @default []
   */
  readonly exemptions?: readonly ImageExemption[];
}

/** The verification settings, checked. */
export interface VerifySettings {
  /** Whether the runtime rules run. */
  readonly runtime: boolean;
  /** Settings of the image rules. */
  readonly rules: ImageRuleOptions;
  /** `verify.platform`, when given (see {@link verifyPlatform}). */
  readonly platform?: Platform;
  /** The exemptions, at rule level. */
  readonly exemptions: readonly Exemption[];
}

const EXEMPTABLE: readonly string[] = IMAGE_RULES.map((r) => r.id);

/** `imageOptions` for the component: an invalid option is a `HardenedImageArgsError` naming `args.verify.<option>`. */
function translated(owner: string, input: ImageOptionsInput, prefix: string): ImageOptions {
  try {
    return imageOptions(input);
  } catch (error) {
    if (error instanceof SettingError) {
      throw new HardenedImageArgsError(owner, `${prefix}${error.field}`, error.problem);
    }
    throw error;
  }
}

function exemptionsOf(owner: string, exemptions: readonly ImageExemption[]): Exemption[] {
  return exemptions.map((e, i) => {
    const at = `args.verify.exemptions[${i}]`;
    if (!EXEMPTABLE.includes(e.rule)) {
      throw new HardenedImageArgsError(
        owner,
        `${at}.rule`,
        `"${e.rule}" is not an image rule id; expected one of ${EXEMPTABLE.join(", ")}`,
      );
    }
    if (typeof e.reason !== "string" || e.reason.trim() === "") {
      throw new HardenedImageArgsError(
        owner,
        `${at}.reason`,
        "is empty; every exemption needs a reason",
      );
    }
    return { ruleId: e.rule, reason: e.reason.trim() };
  });
}

/**
 * The platform to read from a multi-platform image: `verify.platform` when given, else the
 * component's `platform` when it names one platform (`buildPlatform`, resolved), else
 * `linux/amd64`.
 */
export function verifyPlatform(
  owner: string,
  settings: VerifySettings,
  buildPlatform: string | undefined,
): Platform {
  if (settings.platform !== undefined) {
    return settings.platform;
  }
  return buildPlatform !== undefined && !buildPlatform.includes(",")
    ? (translated(owner, { platform: buildPlatform }, "args.").platform as Platform)
    : parsePlatform(DEFAULT_PLATFORM);
}

/**
 * Checks the `verify` argument: undefined and `true` mean static verification with the defaults,
 * `false` means none (returns undefined). The options are translated by `imageOptions`, as
 * `hardened verify` translates its flags. Throws `HardenedImageArgsError` naming the argument for
 * a bad budget, setuid path, platform or exemption.
 */
export function resolveVerifyArgs(
  owner: string,
  verify: boolean | ImageVerifyArgs | undefined,
): VerifySettings | undefined {
  if (verify === false) {
    return undefined;
  }
  const args: ImageVerifyArgs = verify === true || verify === undefined ? {} : verify;
  const { runtime, rules, platform } = translated(
    owner,
    {
      runtime: args.runtime,
      allowSetuid: args.allowSetuid,
      maxSizeMb: args.maxSizeMb,
      maxLayers: args.maxLayers,
      platform: args.platform,
    },
    "args.verify.",
  );
  return {
    runtime,
    rules,
    ...(platform !== undefined ? { platform } : {}),
    exemptions: exemptionsOf(owner, args.exemptions ?? []),
  };
}
