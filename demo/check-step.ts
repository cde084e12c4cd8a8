import { expectExit } from "./expect-exit";
import { RENDERED } from "./preview-step";
import { runHardened } from "./run-hardened";
import { DemoStep } from "./step";

/** `hardened check`: the rendered YAML passes every profile; the insecure manifests are blocked. */
export const checkStep: DemoStep = {
  title: "hardened check: the rendered YAML passes every profile, the insecure manifests fail",
  run: async () => {
    for (const profile of ["baseline", "restricted", "hardened"]) {
      const code = await runHardened(["check", "--profile", profile, RENDERED]);
      if (code !== 0) {
        return {
          status: "failed",
          detail: `profile ${profile} reported blocking findings in ${RENDERED} (exit ${code})`,
        };
      }
    }
    return expectExit(
      await runHardened(["check", "examples/manifests/insecure"]),
      1,
      {
        status: "blocked as expected",
        detail: "rendered YAML clean in every profile; insecure manifests fail",
      },
      "the insecure manifests were not blocked",
    );
  },
};
