import { readdirSync } from "fs";
import { join } from "path";
import { expectExit } from "./expect-exit";
import { runHardened } from "./run-hardened";
import { DemoStep } from "./step";

const PRESETS = "examples/presets";

/** `hardened lint`: the rendered presets pass, the insecure example's Dockerfile fails. */
export const lintStep: DemoStep = {
  title: "hardened lint: the HardenedImage presets pass, the insecure Dockerfile fails",
  run: async () => {
    const presets = readdirSync(PRESETS)
      .filter((f) => f.endsWith(".Dockerfile"))
      .map((f) => join(PRESETS, f));
    const clean = await runHardened(["lint", ...presets]);
    if (clean !== 0) {
      return { status: "failed", detail: `the presets were not clean (exit ${clean})` };
    }
    return expectExit(
      await runHardened(["lint", "examples/insecure/Dockerfile"]),
      1,
      {
        status: "blocked as expected",
        detail: `${presets.length} presets clean; the insecure Dockerfile fails`,
      },
      "the insecure Dockerfile was not blocked",
    );
  },
};
