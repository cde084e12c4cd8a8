import { createHash } from "crypto";
import { isAbsolute, relative, resolve } from "path";
import * as pulumi from "@pulumi/pulumi";
import { DigestResolver } from "../../oci/pin/pin";
import { repositoryName } from "../../rules/image-reference";

/** How a `HardenedImage` may reach registries in this run. */
export interface ImageRunMode {
  /** No registry I/O at all: placeholder digests, no verification, no lock file written. */
  readonly offline: boolean;
  /** A preview: nothing is written, and a base that cannot be pinned leaves the build unknown. */
  readonly preview: boolean;
}

/**
 * True when the program runs under `pulumi.runtime.setMocks` (a unit test, or `hardened
 * preview`): the SDK's mock monitor is the only monitor that carries its `mocks`.
 */
export function runningUnderMocks(): boolean {
  const monitor: unknown = pulumi.runtime.getMonitor();
  return typeof monitor === "object" && monitor !== null && "mocks" in monitor;
}

/**
 * The run mode: `offline` is the argument when given, otherwise true exactly in a unit test (under
 * mocks and not a preview); `preview` is `pulumi.runtime.isDryRun()`.
 */
export function imageRunMode(offline: boolean | undefined): ImageRunMode {
  const preview = pulumi.runtime.isDryRun();
  return { offline: offline ?? (runningUnderMocks() && !preview), preview };
}

/**
 * A deterministic placeholder digest for `text`: `sha256:` and the SHA-256 of
 * `pulumi-hardened offline <text>`. The same input gives the same digest on every machine.
 */
export function placeholderDigest(text: string): string {
  return `sha256:${createHash("sha256").update(`pulumi-hardened offline ${text}`).digest("hex")}`;
}

/**
 * A resolver that contacts no registry: each `repository:tag` gets its {@link placeholderDigest},
 * as an OCI image manifest.
 */
export const placeholderResolver: DigestResolver = (ref) =>
  Promise.resolve({
    digest: placeholderDigest(`${repositoryName(ref)}:${ref.tag ?? "latest"}`),
    mediaType: "application/vnd.oci.image.manifest.v1+json",
  });

/**
 * Whether this run may write newly resolved digests to `lockFile`: never offline (the digests
 * are placeholders), and during a preview only when the lock file lies outside the build context
 * `context`, so that a preview writes nothing into the context.
 */
export function mayWriteLock(
  mode: ImageRunMode,
  lockFile: string | null,
  context: string,
): boolean {
  if (mode.offline || lockFile === null) {
    return false;
  }
  const inside = relative(resolve(context), resolve(lockFile));
  return !mode.preview || inside.startsWith("..") || isAbsolute(inside);
}
