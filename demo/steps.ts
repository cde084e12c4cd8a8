import { imageDemoStep } from "./images";
import { runHardened } from "./run-hardened";
import { DemoStep, StepOutcome } from "./step";

function expectExit(code: number, expected: number, pass: StepOutcome, fail: string): StepOutcome {
  return code === expected
    ? pass
    : { status: "failed", detail: `${fail} (exit ${code}, expected ${expected})` };
}

/** The demo's steps, in order. */
export const DEMO_STEPS: readonly DemoStep[] = [
  {
    title: "hardened check: the hardened example manifests pass every profile",
    run: async () => {
      for (const profile of ["baseline", "restricted", "hardened"]) {
        const code = await runHardened([
          "check",
          "--profile",
          profile,
          "examples/manifests/hardened",
        ]);
        if (code !== 0) {
          return {
            status: "failed",
            detail: `profile ${profile} reported blocking findings (exit ${code})`,
          };
        }
      }
      return { status: "passed", detail: "zero findings in baseline, restricted and hardened" };
    },
  },
  {
    title: "hardened check: the insecure example manifests are blocked",
    run: async () =>
      expectExit(
        await runHardened(["check", "examples/manifests/insecure"]),
        1,
        { status: "blocked as expected", detail: "error findings, exit 1" },
        "the insecure manifests were not blocked",
      ),
  },
  imageDemoStep,
];
