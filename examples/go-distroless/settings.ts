import { join } from "path";
import { packageRoot } from "../../shared/package-root";
import { HardenedImageArgs } from "../../components/hardened-image/args";

/** The example's folder in the source tree (found from the build in `bin/` too). */
const EXAMPLE_DIR = join(packageRoot(), "examples", "go-distroless");

/** The app's folder: the build context. */
export const APP_DIR = join(EXAMPLE_DIR, "app");

/** The port the service listens on. */
export const PORT = 8080;

/** The uid and gid of distroless's `nonroot` user, which the image runs as. */
export const NONROOT = 65532;

/** The public images the example uses unless config names others. */
export const DEFAULT_IMAGES = {
  /** The builder stage. */
  builderImage: "golang:1.23-bookworm",
  /** The final stage: distroless static, nonroot variant. */
  runtimeImage: "gcr.io/distroless/static-debian12:nonroot",
} as const;

/** Where the example pushes unless config names another registry. */
export const DEFAULT_REGISTRY = "127.0.0.1:5000/hardened-examples";

/** What the Go example is built from and pushed to. */
export interface GoExampleSettings {
  /** Registry and path prefix to push to, e.g. `ghcr.io/acme`. */
  readonly registry: string;
  /** The builder stage's image, by tag. */
  readonly builderImage: string;
  /** The final stage's image, by tag. */
  readonly runtimeImage: string;
  /**
   * The lock file pinning the base images, or null to resolve them on every run.
   * @default `app/hardened.lock.json`
   */
  readonly lockFile?: string | null;
}

/**
 * The `HardenedImage` arguments of the example: the go preset on `app/` (a static binary built
 * with `CGO_ENABLED=0 -trimpath -ldflags "-w -s"`, alone on distroless static), user
 * 65532:65532, and the binary's own `-healthcheck` flag as the exec-form health check.
 */
export function goImageArgs(
  settings: GoExampleSettings,
): HardenedImageArgs & { readonly imageName: string } {
  return {
    imageName: `${settings.registry}/go-distroless:v1`,
    context: APP_DIR,
    ...(settings.lockFile !== undefined ? { lockFile: settings.lockFile } : {}),
    preset: {
      kind: "go",
      builderImage: settings.builderImage,
      runtimeImage: settings.runtimeImage,
      uid: NONROOT,
      gid: NONROOT,
      port: PORT,
      healthcheck: { interval: "10s", timeout: "3s", startPeriod: "2s" },
    },
  };
}
