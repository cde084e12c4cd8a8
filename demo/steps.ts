import { checkStep } from "./check-step";
import { engineStep } from "./engine-step";
import { imageDemoStep } from "./images";
import { lintStep } from "./lint-step";
import { previewStep } from "./preview-step";
import { DemoStep } from "./step";

/** The demo's steps, in order: Dockerfiles, programs, manifests, the real engine, built images. */
export const DEMO_STEPS: readonly DemoStep[] = [
  lintStep,
  previewStep,
  checkStep,
  engineStep,
  imageDemoStep,
];
