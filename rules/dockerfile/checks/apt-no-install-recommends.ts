import { HARDENED_PROFILES } from "../../profile";
import { DockerfileRule, violationAt } from "../dockerfile-rule";
import { runInstructions } from "../support/run-steps";

/** apt-get install skips recommended packages. */
export const dockerfileAptNoInstallRecommends: DockerfileRule = {
  id: "dockerfile-apt-no-install-recommends",
  title: "apt-get install in the final stage must use --no-install-recommends",
  description:
    "Recommended packages are not needed to run the program; they add size and vulnerabilities to the final image.",
  severity: "warning",
  profiles: HARDENED_PROFILES,
  target: "dockerfile",
  references: { hadolint: ["DL3015"], trivy: ["DS029"] },
  remediation: "apt-get install -y --no-install-recommends <packages>.",
  check: (model) =>
    runInstructions(model, "final").flatMap((i) =>
      i.commands
        .filter(
          (c) =>
            c.install?.manager === "apt" &&
            !c.install.flags.includes("--no-install-recommends") &&
            !c.args.some((a) => /APT::Install-Recommends=(false|0|no|off)$/i.test(a)),
        )
        .map((c) =>
          violationAt(
            model,
            i,
            `${c.install?.program} install without --no-install-recommends in the final stage; expected --no-install-recommends`,
          ),
        ),
    ),
};
