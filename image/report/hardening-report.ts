import { Finding } from "../../rules/finding";
import { ImageModel } from "../../rules/image/model";
import { BASE_NAME_LABEL } from "../../rules/image/checks/base-labels";
import { CheckLine } from "./checks";
import { PackageSection } from "./package-section";
import { VulnerabilityCounts } from "./trivy";

/** What the report says about one image; every number is measured from its layers. */
export interface ImageSummary {
  /** The reference it was read from. */
  readonly reference: string;
  /** Sum of the uncompressed layer sizes (bytes of each layer's tar stream). */
  readonly sizeBytes: number;
  /** Number of layers. */
  readonly layers: number;
  /** The OCI base label, or "unknown". */
  readonly base: string;
}

/** The vulnerability section: counts from a real scan, or why there are none. */
export interface VulnerabilitySection {
  /** The scanner that ran, or null when none did. */
  readonly scanner: string | null;
  /** The image's counts, when scanned. */
  readonly after?: VulnerabilityCounts;
  /** The --before image's counts, when scanned. */
  readonly before?: VulnerabilityCounts;
  /** Why no scan ran, or what failed. */
  readonly note?: string;
}

/** Everything `hardened report` prints. */
export interface HardeningReport {
  /** The image. */
  readonly image: ImageSummary;
  /** The image before hardening, when --before was given. */
  readonly before?: ImageSummary;
  /** When the report was made, YYYY-MM-DD (UTC). */
  readonly date: string;
  /** One line per image rule. */
  readonly checks: readonly CheckLine[];
  /** The findings the checks come from. */
  readonly findings: readonly Finding[];
  /** The vulnerability comparison. */
  readonly vulnerabilities: VulnerabilitySection;
  /**
   * The package inventory comparison, read from the images' layers.
   * @default absent (reports made before the inventory existed)
   */
  readonly packages?: PackageSection;
}

/** Summarizes an image as read. */
export function summarizeImage(model: ImageModel): ImageSummary {
  return {
    reference: model.source,
    sizeBytes: model.layers.reduce((sum, l) => sum + l.uncompressedSize, 0),
    layers: model.layers.length,
    base: model.config.labels[BASE_NAME_LABEL] || "unknown",
  };
}
