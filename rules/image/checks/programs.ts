import { HARDENED_PROFILES } from "../../profile";
import { PACKAGE_MANAGERS, SHELLS } from "../../knowledge/programs";
import { programsPresent } from "../binaries";
import { layerFilePath } from "../filesystem";
import { ImageRule } from "../image-rule";

/** No shell in the final image. */
export const imageNoShell: ImageRule = {
  id: "image-no-shell",
  title: "The image must not contain a shell",
  description:
    "A shell turns any command injection or file-write bug into arbitrary code execution, and lets an attacker who gets in use every tool the image has. Distroless and scratch images ship none.",
  severity: "error",
  profiles: HARDENED_PROFILES,
  target: "image",
  references: {
    cisDocker: ["4.3"],
    dockle: ["CIS-DI-0003"],
    docs: ["https://github.com/GoogleContainerTools/distroless#why-should-i-use-distroless-images"],
  },
  remediation:
    "Build in one stage and copy only the program and its runtime into a distroless or scratch final stage; use exec-form ENTRYPOINT and HEALTHCHECK.",
  check: ({ fs }) =>
    programsPresent(fs, SHELLS).map((f) => ({
      path: layerFilePath(f),
      message: `the image contains the shell ${f.entry.path}; expected no shell (sh, bash, dash, ash, busybox, ...)`,
      container: null,
    })),
};

/** No package manager in the final image. */
export const imageNoPackageManager: ImageRule = {
  id: "image-no-package-manager",
  title: "The image must not contain a package manager",
  description:
    "A package manager lets whoever gets into the container install any tool; it also means the image was not reduced to what it runs. Package metadata alone (such as distroless's /var/lib/dpkg/status.d, which scanners read) is fine.",
  severity: "error",
  profiles: HARDENED_PROFILES,
  target: "image",
  references: {
    cisDocker: ["4.3"],
    dockle: ["CIS-DI-0003"],
  },
  remediation:
    "Install packages in a build stage and copy the result into a final stage without apt, dpkg, apk, rpm or pip.",
  check: ({ fs }) =>
    programsPresent(fs, PACKAGE_MANAGERS).map((f) => ({
      path: layerFilePath(f),
      message: `the image contains the package manager ${f.entry.path}; expected none (apt, dpkg, apk, yum, dnf, rpm, pip, ...)`,
      container: null,
    })),
};
