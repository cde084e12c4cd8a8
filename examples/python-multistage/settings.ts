import { join } from "path";
import { packageRoot } from "../../shared/package-root";
import { HardenedImageArgs } from "../../components/hardened-image/args";

/** The example's folder in the source tree (found from the build in `bin/` too). */
const EXAMPLE_DIR = join(packageRoot(), "examples", "python-multistage");

/** The app's folder: the build context. */
export const APP_DIR = join(EXAMPLE_DIR, "app");

/** The single-stage Dockerfile the scenario starts from. */
export const BEFORE_DOCKERFILE = join(EXAMPLE_DIR, "before.Dockerfile");

/** The port the service listens on. */
export const PORT = 8080;

/** The path of the service's health endpoint. */
export const HEALTH_PATH = "/health";

/** The public images the example uses unless config names others. */
export const DEFAULT_IMAGES = {
  /** The builder stage of the hardened image. */
  builderImage: "python:3.11-slim-bookworm",
  /** The final stage of the hardened image (Python 3.11, matching the builder). */
  runtimeImage: "gcr.io/distroless/python3-debian12:nonroot",
  /** The base of the single-stage image the scenario starts from. */
  beforeImage: "python:3.12",
} as const;

/** Where the example pushes unless config names another registry. */
export const DEFAULT_REGISTRY = "127.0.0.1:5000/hardened-examples";

/** What the Python example is built from and pushed to. */
export interface PythonExampleSettings {
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
  /**
   * `HardenedImage`'s `offline`: false makes a unit test under mocks pin and verify for real.
   * @default the component's default (offline in a unit test only)
   */
  readonly offline?: boolean;
}

/** The tag the hardened image is pushed under. */
export function hardenedTag(settings: PythonExampleSettings): string {
  return `${settings.registry}/python-multistage:v1`;
}

/** The tag the single-stage "before" image is pushed under. */
export function beforeTag(settings: PythonExampleSettings): string {
  return `${settings.registry}/python-multistage-before:v1`;
}

/**
 * The `HardenedImage` arguments of the example: the python preset on `app/`, no requirements
 * (standard library only), `main.py` as the program, a health check of `/health` every 10s.
 */
export function pythonImageArgs(
  settings: PythonExampleSettings,
): HardenedImageArgs & { readonly imageName: string } {
  return {
    imageName: hardenedTag(settings),
    context: APP_DIR,
    ...(settings.lockFile !== undefined ? { lockFile: settings.lockFile } : {}),
    ...(settings.offline !== undefined ? { offline: settings.offline } : {}),
    preset: {
      kind: "python",
      builderImage: settings.builderImage,
      runtimeImage: settings.runtimeImage,
      requirements: null,
      command: ["main.py"],
      port: PORT,
      healthcheck: { path: HEALTH_PATH, interval: "10s", timeout: "3s", startPeriod: "2s" },
    },
  };
}
