import { HARDENED_PROFILES } from "../../profile";
import { finalInstructions } from "../support/ancestry";
import { DockerfileRule, DockerfileViolation, violationAt } from "../dockerfile-rule";
import { programName } from "../support/instruction-text";
import {
  BUILD_AND_DEBUG_TOOLS,
  PACKAGE_MANAGERS,
  SHELLS,
  packageManagerName,
} from "../../knowledge/programs";

/** Packages that turn a runtime image into a workstation: shells, compilers, debuggers, downloaders. */
const TOOL_PACKAGES: ReadonlySet<string> = new Set([...SHELLS, ...BUILD_AND_DEBUG_TOOLS]);

/** Binaries that should not be copied into a runtime image (versioned pips count as `pip`). */
const TOOL_BINARIES: ReadonlySet<string> = new Set([...TOOL_PACKAGES, ...PACKAGE_MANAGERS]);

const BIN_DIR = /^\/(usr\/(local\/)?)?s?bin\//;

/** The final stage installs or copies in no shells, compilers, debuggers or package managers. */
export const dockerfileFinalStageTools: DockerfileRule = {
  id: "dockerfile-final-stage-tools",
  title: "The final stage should not install shells, compilers, debuggers or downloaders",
  description:
    "Every tool in the runtime image is a tool for an attacker who gets in (curl to fetch a payload, gcc to build an exploit, gdb to read memory) and more code to patch. Build in a builder stage; debug with an ephemeral container.",
  severity: "warning",
  profiles: HARDENED_PROFILES,
  target: "dockerfile",
  references: { cisDocker: ["4.3"], docs: ["https://docs.docker.com/build/building/multi-stage/"] },
  remediation:
    "Install build tools in a builder stage and COPY --from it only the artifacts; use kubectl debug or docker debug for troubleshooting.",
  check: (model) =>
    finalInstructions(model).flatMap((i): DockerfileViolation[] => {
      if (i.keyword === "RUN") {
        const tools = i.commands.flatMap(
          (c) => c.install?.packages.filter((p) => TOOL_PACKAGES.has(p)) ?? [],
        );
        return tools.length === 0
          ? []
          : [
              violationAt(
                model,
                i,
                `RUN installs ${[...new Set(tools)].join(", ")} in the final stage; expected only what the program needs at run time`,
              ),
            ];
      }
      if (i.keyword === "COPY" && i.source !== undefined) {
        const tools = i.words
          .slice(0, -1)
          .filter((w) => BIN_DIR.test(w) && TOOL_BINARIES.has(packageManagerName(programName(w))));
        return tools.length === 0
          ? []
          : [
              violationAt(
                model,
                i,
                `COPY --from copies ${tools.join(", ")} into the final stage; expected only the program's own files`,
              ),
            ];
      }
      return [];
    }),
};
