import { RESTRICTED_PROFILES } from "../../profile";
import { layerFilePath } from "../filesystem";
import { ImageRule } from "../image-rule";

const SETUID = 0o4000;
const SETGID = 0o2000;

/** No setuid or setgid files, except allowed ones. */
export const imageSetuidFiles: ImageRule = {
  id: "image-setuid-files",
  title: "The image must not contain setuid or setgid files",
  description:
    "A setuid or setgid program runs with its owner's or group's identity, usually root: it is the classic way from a non-root process back to root. Containers rarely need one (allowPrivilegeEscalation: false also neutralizes them, but only where it is set).",
  severity: "error",
  profiles: RESTRICTED_PROFILES,
  target: "image",
  references: { cisDocker: ["4.8"], dockle: ["CIS-DI-0008"] },
  remediation:
    "Remove the files or their bits in the build stage (chmod a-s on them, or copy only what the program needs into a distroless or scratch final stage); list a file in allowedSetuidPaths only when it is really needed.",
  check: ({ fs, options }) => {
    const allowed = options.allowedSetuidPaths ?? [];
    return [...fs.final.values()]
      .filter(
        (f) =>
          f.entry.type === "file" &&
          (f.entry.mode & (SETUID | SETGID)) !== 0 &&
          !allowed.includes(f.entry.path),
      )
      .sort((a, b) => a.entry.path.localeCompare(b.entry.path))
      .map((f) => {
        const bits = [f.entry.mode & SETUID ? "setuid" : "", f.entry.mode & SETGID ? "setgid" : ""]
          .filter((b) => b !== "")
          .join("+");
        return {
          path: layerFilePath(f),
          message: `${f.entry.path} is ${bits} (mode ${(f.entry.mode & 0o7777).toString(8).padStart(4, "0")}, owner ${f.entry.uid}:${f.entry.gid}); expected no setuid/setgid files`,
          container: null,
        };
      });
  },
};
