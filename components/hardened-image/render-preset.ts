import { ResolvedPreset } from "./resolve-preset";
import { renderGo } from "./render-go";
import { renderNode } from "./render-node";
import { renderPython } from "./render-python";

/** The hardened multi-stage Dockerfile of a resolved preset (base images still by tag). */
export function renderPreset(preset: ResolvedPreset): string {
  switch (preset.kind) {
    case "python":
      return renderPython(preset);
    case "go":
    case "static":
      return renderGo(preset);
    case "node":
      return renderNode(preset);
  }
}
