import { HARDENED_PROFILES } from "../../profile";
import { ImageRule } from "../image-rule";
import { parseUser, passwdOf, resolveUid } from "../passwd";

const SYSTEM_PATHS = ["/dev", "/proc", "/sys"];

/** No volumes over /dev, /proc or /sys. */
export const imageSystemVolumes: ImageRule = {
  id: "image-system-volumes",
  title: "The image must not declare volumes on /dev, /proc or /sys",
  description:
    "A VOLUME over a kernel interface path invites runtimes and users to mount host directories there, which exposes host devices and kernel settings to the container.",
  severity: "error",
  profiles: HARDENED_PROFILES,
  target: "image",
  references: { cisDocker: ["5.5"], dockle: ["DKL-DI-0002"] },
  remediation: "Remove the VOLUME instruction; declare volumes only for application data paths.",
  check: ({ model }) =>
    model.config.volumes
      .filter((v) => SYSTEM_PATHS.some((s) => v === s || v.startsWith(`${s}/`)))
      .map((v) => ({
        path: `config.Volumes["${v}"]`,
        message: `the image declares the volume ${v}, over a kernel interface path; expected volumes only outside /dev, /proc and /sys`,
        container: null,
      })),
};

/** A non-root image does not expose ports below 1024. */
export const imagePrivilegedPort: ImageRule = {
  id: "image-privileged-port",
  title: "A non-root image should not expose privileged ports (below 1024)",
  description:
    "Binding a port below 1024 needs root, CAP_NET_BIND_SERVICE or a lowered net.ipv4.ip_unprivileged_port_start. A non-root image exposing one either fails to start on a hardened runtime or pushes operators to add the capability back.",
  severity: "warning",
  profiles: HARDENED_PROFILES,
  target: "image",
  references: { cisDocker: ["5.7"], trivy: ["DS004"] },
  remediation:
    "Listen on a port of 1024 or above (8080, 8443) and map it at the Service or load balancer.",
  check: ({ model, fs }) => {
    const uid = resolveUid(parseUser(model.config.user), passwdOf(fs));
    if (uid === 0) {
      return [];
    }
    return model.config.exposedPorts
      .filter((p) => Number(p.split("/")[0]) < 1024)
      .map((p) => ({
        path: `config.ExposedPorts["${p}"]`,
        message: `the image runs as a non-root user but exposes the privileged port ${p}; expected ports of 1024 or above`,
        container: null,
      }));
  },
};
