import { buildAndPush, buildHardenedImage, HardenedBuild, Progress } from "./docker-build";
import {
  APP_DIR,
  BEFORE_DOCKERFILE,
  PythonExampleSettings,
  beforeTag,
  pythonImageArgs,
} from "./settings";

/** The images the scenario compares, both pushed and named by digest. */
export interface PythonExampleImages {
  /** The single-stage image the scenario starts from (`before.Dockerfile`), running as root. */
  readonly before: string;
  /** The image `HardenedImage` builds (python preset). */
  readonly after: HardenedBuild;
}

/** The settings of a real build: the example's, plus the base of the "before" image. */
export interface PythonBuildSettings extends PythonExampleSettings {
  /** The base image of `before.Dockerfile` (a full Python image). */
  readonly beforeImage: string;
}

/**
 * Builds and pushes both images of the Python scenario with the Docker engine: the single-stage
 * "before" image on `beforeImage`, then the hardened image exactly as the example's
 * `HardenedImage` renders, pins, lints and builds it.
 */
export async function buildPythonExample(
  settings: PythonBuildSettings,
  progress: Progress,
): Promise<PythonExampleImages> {
  const before = await buildAndPush(
    {
      tag: beforeTag(settings),
      context: APP_DIR,
      dockerfile: BEFORE_DOCKERFILE,
      buildArgs: { BASE: settings.beforeImage },
    },
    progress,
  );
  const after = await buildHardenedImage("api", pythonImageArgs(settings), progress);
  return { before, after };
}
