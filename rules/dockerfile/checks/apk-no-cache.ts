import { HARDENED_PROFILES } from "../../profile";
import { DockerfileRule, violationAt } from "../dockerfile-rule";
import { mountsOver, removes, runInstructions } from "../support/run-steps";

/** apk add does not keep its cache. */
export const dockerfileApkNoCache: DockerfileRule = {
  id: "dockerfile-apk-no-cache",
  title: "apk add in the final stage must use --no-cache",
  description: "Without --no-cache, apk keeps its index in /var/cache/apk inside the final image.",
  severity: "warning",
  profiles: HARDENED_PROFILES,
  target: "dockerfile",
  references: { hadolint: ["DL3019"], trivy: ["DS025"] },
  remediation: "apk add --no-cache <packages>, or RUN --mount=type=cache,target=/var/cache/apk.",
  check: (model) =>
    runInstructions(model, "final")
      .filter((i) => !removes(i, "/var/cache/apk") && !mountsOver(i, "/var/cache/apk"))
      .flatMap((i) =>
        i.commands
          .map((c) => c.install)
          .filter((p) => p?.manager === "apk" && !p.flags.includes("--no-cache"))
          .map(() =>
            violationAt(
              model,
              i,
              "apk add without --no-cache in the final stage; expected apk add --no-cache",
            ),
          ),
      ),
};
