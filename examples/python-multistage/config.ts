import * as pulumi from "@pulumi/pulumi";
import { DEFAULT_IMAGES, DEFAULT_REGISTRY, PythonExampleSettings } from "./settings";

/**
 * Reads the example's settings from stack config: `registry`, `builderImage`, `runtimeImage` and
 * `lockFile` (see Pulumi.yaml), each defaulting as documented there.
 */
export function settingsFromConfig(config: pulumi.Config): PythonExampleSettings {
  const lockFile = config.get("lockFile");
  return {
    registry: config.get("registry") ?? DEFAULT_REGISTRY,
    builderImage: config.get("builderImage") ?? DEFAULT_IMAGES.builderImage,
    runtimeImage: config.get("runtimeImage") ?? DEFAULT_IMAGES.runtimeImage,
    ...(lockFile !== undefined ? { lockFile } : {}),
  };
}

/** The directory the Kubernetes provider renders YAML to: config `renderDir`, default `rendered`. */
export function renderDirFromConfig(config: pulumi.Config): string {
  return config.get("renderDir") ?? "rendered";
}
