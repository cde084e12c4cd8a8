import { HARDENED_PROFILES } from "../../profile";
import { finalInstructions } from "../support/ancestry";
import { DockerfileRule, violationAt } from "../dockerfile-rule";

const SYSTEM_DIRS: ReadonlySet<string> = new Set([
  "/",
  "/bin",
  "/sbin",
  "/usr",
  "/usr/bin",
  "/usr/sbin",
  "/usr/local/bin",
  "/etc/apt",
  "/var/lib/dpkg",
  "/etc/apk",
  "/lib/apk",
]);

/** COPY --from does not bring whole system directories into the final stage. */
export const dockerfileCopySystemDirs: DockerfileRule = {
  id: "dockerfile-copy-system-dirs",
  title: "The final stage must not COPY --from whole system directories",
  description:
    "COPY --from=<stage> / (or /bin, /usr, /etc/apt, /var/lib/dpkg) brings the other stage's shell, package manager and build tools back in and undoes the multi-stage build.",
  severity: "error",
  profiles: HARDENED_PROFILES,
  target: "dockerfile",
  references: { cisDocker: ["4.3"], docs: ["https://docs.docker.com/build/building/multi-stage/"] },
  remediation: "Copy only the files the program needs: COPY --from=build /out/app /app.",
  check: (model) =>
    finalInstructions(model)
      .filter((i) => i.keyword === "COPY" && i.source !== undefined)
      .flatMap((i) =>
        i.words
          .slice(0, -1)
          .filter((w) => SYSTEM_DIRS.has(w === "/" ? w : w.replace(/\/+\*?$/, "")))
          .map((w) =>
            violationAt(
              model,
              i,
              `COPY --from=${i.flags.find((f) => f.name === "from")?.value} ${w} copies a whole system directory into the final stage; expected only the program's files`,
            ),
          ),
      ),
};
