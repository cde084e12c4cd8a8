import { HARDENED_PROFILES } from "../../profile";
import { builtInstructions } from "../support/ancestry";
import { DockerfileRule, violationAt } from "../dockerfile-rule";

/** WORKDIR paths are absolute. */
export const dockerfileWorkdirAbsolute: DockerfileRule = {
  id: "dockerfile-workdir-absolute",
  title: "WORKDIR must be an absolute path",
  description:
    "A relative WORKDIR depends on every earlier WORKDIR, including the base image's, so the directory the program runs in is easy to get wrong.",
  severity: "warning",
  profiles: HARDENED_PROFILES,
  target: "dockerfile",
  references: { hadolint: ["DL3000"], trivy: ["DS013"], checkov: ["CKV_DOCKER_10"] },
  remediation: "Write the full path: WORKDIR /app.",
  check: (model) =>
    builtInstructions(model)
      .filter((i) => i.keyword === "WORKDIR")
      .flatMap((i) => {
        const path = i.expanded.trim().replace(/^(["'])(.*)\1$/, "$2");
        const unknownStart = i.unresolved.length > 0 && path === "";
        return unknownStart ||
          path.startsWith("/") ||
          /^[A-Za-z]:[\\/]/.test(path) ||
          path.startsWith("$")
          ? []
          : [
              violationAt(
                model,
                i,
                `WORKDIR ${i.text} is relative; expected an absolute path such as /app`,
              ),
            ];
      }),
};
