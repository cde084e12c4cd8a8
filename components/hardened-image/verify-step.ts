import { isImageInputError } from "../../image/cli-input";
import { Platform } from "../../image/platform";
import { verifyImage } from "../../image/verify";
import { RegistryClient } from "../../oci/client";
import { DockerConfigError } from "../../oci/errors";
import { applyExemptions } from "../../rules/exemptions/exemption";
import { Finding, isBlocking } from "../../rules/finding";
import { HardenedImageVerifyError, HardenedImageVerifyReadError } from "./errors";
import { VerifySettings } from "./verify-args";
import { ImageHardeningReport, verificationReport } from "./verify-report";

/** What verifying the pushed image gave, when nothing blocked it. */
export interface PushedImageVerification {
  /** Every finding (warnings, notes, exempted errors), exemptions marked. */
  readonly findings: readonly Finding[];
  /** The hardening report as text. */
  readonly report: string;
  /** The hardening report as data. */
  readonly reportJson: ImageHardeningReport;
}

/** Where and how `verifyPushedImage` reads the image. */
export interface PushedImageTarget {
  /** The pushed image, `repository@sha256:…`. */
  readonly ref: string;
  /** The platform to pick from an index. */
  readonly platform: Platform;
  /** The registry client (its credentials and insecure registries apply). */
  readonly client: RegistryClient;
  /**
   * The day the report is dated.
   * @default now
   */
  readonly date?: Date;
}

/**
 * Reads the pushed image from its registry and applies the static image rules (then the runtime
 * ones when `settings.runtime`), as `hardened verify` does; marks the exempted findings. Throws
 * `HardenedImageVerifyError` listing every blocking finding, or `HardenedImageVerifyReadError`
 * when the image cannot be read or run; otherwise returns the findings and the hardening report.
 */
export async function verifyPushedImage(
  owner: string,
  target: PushedImageTarget,
  settings: VerifySettings,
): Promise<PushedImageVerification> {
  let verification;
  try {
    verification = await verifyImage(
      { kind: "registry", reference: target.ref },
      {
        platform: target.platform,
        client: target.client,
        rules: settings.rules,
        runtime: settings.runtime,
      },
    );
  } catch (error) {
    if (isImageInputError(error) || error instanceof DockerConfigError) {
      throw new HardenedImageVerifyReadError(owner, target.ref, error.message);
    }
    throw error;
  }
  const findings = applyExemptions(verification.findings, settings.exemptions);
  const blocking = findings.filter(isBlocking);
  if (blocking.length > 0) {
    throw new HardenedImageVerifyError(owner, target.ref, blocking);
  }
  const report = await verificationReport(verification.model, {
    findings,
    runtimeRan: settings.runtime,
    allowedSetuid: settings.rules.allowedSetuidPaths ?? [],
    date: target.date ?? new Date(),
  });
  return { findings, report: report.text, reportJson: report.json };
}
