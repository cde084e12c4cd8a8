import { HARDENED_PROFILES } from "../../profile";
import { finalChain } from "../support/ancestry";
import { isDebugVariant, parsedImage } from "../support/base-image";
import { DockerfileRule, violationAt } from "../dockerfile-rule";

/** The final stage does not start from a debug or development variant. */
export const dockerfileFinalBaseDebug: DockerfileRule = {
  id: "dockerfile-final-base-debug",
  title: "The final stage must not be based on a debug or dev image variant",
  description:
    "Debug and dev variants (distroless :debug, Chainguard -dev, ...-dev tags) add a shell, a package manager or build tools to what was meant to be a minimal runtime image.",
  severity: "error",
  profiles: HARDENED_PROFILES,
  target: "dockerfile",
  references: { docs: ["https://github.com/GoogleContainerTools/distroless#debug-images"] },
  remediation:
    "Use the non-debug runtime variant in the final stage (e.g. gcr.io/distroless/static-debian12:nonroot) and keep debug images for builder stages or ephemeral debug containers.",
  check: (model) => {
    const root = finalChain(model)[0];
    const ref = parsedImage(root.base);
    const from = root.instructions[0];
    return ref !== undefined && isDebugVariant(ref)
      ? [
          violationAt(
            model,
            from,
            `the final stage ${model.stages[model.target].label} is built on "${ref.raw}", a debug/dev variant (tag "${ref.tag}"); expected a runtime variant without shell or build tools`,
          ),
        ]
      : [];
  },
};
